/** Shown next to every score: the composite is this product's own method, not the national one. */
export const SCORING_METHOD_NOTE =
  "综合得分为本系统自定的计算方法，并非国家公共信用信息中心城市信用监测的官方算法：每项指标达到目标值得100分，" +
  "低于目标时按线性递减，至“零分点”为0分（目标为0的计数类指标每出现一件扣相应分值）；无数据的指标不计分，" +
  "其权重不参与加权；各项得分按权重加权平均得到综合得分，同级单位按综合得分排名，得分相同名次并列。目标值、红线、零分点和权重由信用办在指标目录中维护。";
