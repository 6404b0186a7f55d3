DROP TRIGGER IF EXISTS `fact_flows_entities_insert_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_insert_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_insert_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_insert_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_insert_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_insert_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_insert_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_insert_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_delete_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_delete_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_update_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_entities_update_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_delete_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_delete_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_update_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_enrolments_update_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_delete_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_delete_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_update_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_xyd_loans_update_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_delete_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_delete_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_update_before`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `fact_flows_tax_ratings_update_after`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `shared_code_candidates_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `shared_code_candidates_update`;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_entities_insert` AFTER INSERT ON `entities` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id) AND e.id <> NEW.id) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id) AND e.id <> NEW.id) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id) AND e.id <> NEW.id) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id)) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id)) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (NEW.id)) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise' AND e.id <> NEW.id
      WHERE x.entity_id IN (NEW.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise' AND e.id <> NEW.id
      WHERE x.entity_id IN (NEW.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise' AND e.id <> NEW.id
      WHERE x.entity_id IN (NEW.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (NEW.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise' AND e.id <> NEW.id)) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (NEW.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_entities_delete_before` BEFORE DELETE ON `entities` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_entities_delete_after` AFTER DELETE ON `entities` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id)) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_entities_update_before` BEFORE UPDATE OF id, kind, district_id, town_id, registered_on, exited_on, uscc_failures ON `entities` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.id, NEW.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_entities_update_after` AFTER UPDATE OF id, kind, district_id, town_id, registered_on, exited_on, uscc_failures ON `entities` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE e.id IN (OLD.id, NEW.id)) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.id, NEW.id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.id, NEW.id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_enrolments_insert` AFTER INSERT ON `xyd_enrolments` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id) AND x.id <> NEW.id) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id) AND x.id <> NEW.id) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id) AND x.id <> NEW.id)) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_enrolments_delete_before` BEFORE DELETE ON `xyd_enrolments` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_enrolments_delete_after` AFTER DELETE ON `xyd_enrolments` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_enrolments_update_before` BEFORE UPDATE OF entity_id, enrolled_on, verified_on ON `xyd_enrolments` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_enrolments_update_after` AFTER UPDATE OF entity_id, enrolled_on, verified_on ON `xyd_enrolments` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_loans_insert` AFTER INSERT ON `xyd_loans` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id AND l.id <> NEW.id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id AND l.id <> NEW.id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id AND l.id <> NEW.id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_loans_delete_before` BEFORE DELETE ON `xyd_loans` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_loans_delete_after` AFTER DELETE ON `xyd_loans` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_loans_update_before` BEFORE UPDATE OF entity_id, granted_on ON `xyd_loans` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_xyd_loans_update_after` AFTER UPDATE OF entity_id, granted_on ON `xyd_loans` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id)) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE x.entity_id IN (OLD.entity_id, NEW.entity_id))) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_tax_ratings_insert` AFTER INSERT ON `tax_ratings` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year) AND n.id <> NEW.id
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (NEW.entity_id) AND a.id <> NEW.id) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (NEW.entity_id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_tax_ratings_delete_before` BEFORE DELETE ON `tax_ratings` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.entity_id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_tax_ratings_delete_after` AFTER DELETE ON `tax_ratings` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.entity_id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_tax_ratings_update_before` BEFORE UPDATE OF entity_id, rating_year, grade, published_on ON `tax_ratings` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, -sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.entity_id, NEW.entity_id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `fact_flows_tax_ratings_update_after` AFTER UPDATE OF entity_id, rating_year, grade, published_on ON `tax_ratings` FOR EACH ROW BEGIN
  INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND a.entity_id IN (OLD.entity_id, NEW.entity_id)) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `shared_code_candidates_insert` AFTER INSERT ON `entities` FOR EACH ROW BEGIN
  INSERT OR IGNORE INTO shared_code_candidates (uscc)
  SELECT NEW.uscc WHERE NEW.uscc IS NOT NULL AND EXISTS (SELECT 1 FROM entities WHERE uscc = NEW.uscc AND id <> NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `shared_code_candidates_update` AFTER UPDATE OF uscc ON `entities` FOR EACH ROW BEGIN
  INSERT OR IGNORE INTO shared_code_candidates (uscc)
  SELECT NEW.uscc WHERE NEW.uscc IS NOT NULL AND EXISTS (SELECT 1 FROM entities WHERE uscc = NEW.uscc AND id <> NEW.id);
END;
--> statement-breakpoint
DELETE FROM fact_flows;
--> statement-breakpoint
INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'coded_body' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE true) WHERE uscc_failures IS NOT NULL UNION ALL SELECT 'invalid_code' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE true) WHERE uscc_failures IS NOT NULL AND uscc_failures <> '[]' UNION ALL SELECT 'live_enterprise' AS fact, district_id, town_id, registered AS f, t FROM (SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      substr(registered_on, 1, 7) AS registered, substr(exited_on, 1, 7) AS t
      FROM entities e WHERE true) WHERE kind = 'enterprise') JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
--> statement-breakpoint
INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'xyd_enrolled' AS fact, district_id, town_id, enrolled AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE true) UNION ALL SELECT 'xyd_verified' AS fact, district_id, town_id, verified AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE true) UNION ALL SELECT 'xyd_verified_with_loan' AS fact, district_id, town_id, first_loan AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7)) AS enrolled,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7)) AS verified,
      max(substr(e.registered_on, 1, 7), substr(x.enrolled_on, 1, 7), substr(x.verified_on, 1, 7),
        (SELECT substr(min(l.granted_on), 1, 7) FROM xyd_loans l
          WHERE l.entity_id = x.entity_id)) AS first_loan,
      substr(e.exited_on, 1, 7) AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
      WHERE true)) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
--> statement-breakpoint
INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, sum(n) FROM (SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (SELECT 'tax_a' AS fact, district_id, town_id, published AS f, t FROM (SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(substr(e.registered_on, 1, 7), substr(a.published_on, 1, 7)) AS published,
      substr(min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on)), 1, 7) AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND true) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise')) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n;
--> statement-breakpoint
DELETE FROM shared_code_candidates;
--> statement-breakpoint
INSERT INTO shared_code_candidates (uscc)
  SELECT uscc FROM entities WHERE uscc IS NOT NULL GROUP BY uscc HAVING count(*) > 1;
