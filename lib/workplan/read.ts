import { deadlineOf } from "./deadlines";
import { normalise } from "./normalise";
import { buildTree, descendants, findTitle, findYear, fullText, originalText, ownText, type PlanNode } from "./structure";
import { readTargets } from "./targets";
import type { Provision, ReadOptions, Task, WorkPlan } from "./types";
import { findNotes, findUnitGroups, union, unitsOf, withoutUnitGroups } from "./units";

/** First sentence: up to 。;:!? or the unit bracket; a heading line on its own is the whole title. */
export function titleOf(text: string): string {
  const lines = text.split("\n");
  const first = lines.find((l) => l !== "") ?? "";
  const cuts = [first.search(/[。;:!?]/), findUnitGroups(first)[0]?.start ?? -1].filter((i) => i >= 0);
  const title = cuts.length > 0 ? first.slice(0, Math.min(...cuts)) : first;
  return title.replace(/\(?以下[^()]*不再(?:一一)?列出\)?/, "").replace(/[,、]+$/, "").trim();
}

function hasOwnUnits(node: PlanNode): boolean {
  const own = unitsOf(ownText(node));
  return own.lead.length + own.units.length > 0;
}

/** "1.完善制度 (1)修订办法; (2)建立台账。〔责任单位:…〕": the bracket closing the last sub-item is the item's own. */
function closesEnumeration(node: PlanNode): boolean {
  const items = node.children;
  const last = items.at(-1);
  if (!last || items.length < 2 || items.some((c) => c.children.length > 0) || !hasOwnUnits(last)) return false;
  const earlier = items.slice(0, -1);
  if (earlier.some(hasOwnUnits)) return false;
  const listed = earlier.every((c) => /[;,、]$/.test(ownText(c))) || /:$/.test(ownText(node));
  const text = ownText(last);
  return listed && findUnitGroups(text).at(-1)?.end === text.replace(/。$/, "").length;
}

export function readWorkPlan(input: string, options: ReadOptions = {}): WorkPlan {
  const { paragraphs, noise } = normalise(input);
  const tree = buildTree(paragraphs);
  const title = findTitle(tree.preamble);
  const year = options.year ?? findYear(title, tree, noise);
  const notes: string[] = [];
  const tasks: Task[] = [];
  const provisions: Provision[] = [];

  const preambleNotes = findNotes(tree.preamble.map((p) => p.text).join("\n"));
  notes.push(...preambleNotes.map((n) => n.note));
  // A note before the body adds its units to tasks but makes no task of its own.
  const everywhere = union(...preambleNotes.map((n) => n.units));

  const makeTask = (node: PlanNode, section: string, inherited: string[]): Task => {
    const text = fullText(node);
    const own = unitsOf(closesEnumeration(node) ? text : ownText(node));
    const plain = withoutUnitGroups(text);
    const { targets, firstAt } = readTargets(plain, text);
    return {
      section,
      number: node.number,
      title: titleOf(ownText(node)),
      text,
      originalText: originalText(node),
      leadUnits: own.lead,
      units: union(own.units, inherited, everywhere),
      targets,
      deadline: deadlineOf(plain, year, firstAt),
    };
  };

  const visit = (node: PlanNode, section: string, inherited: string[]): void => {
    const own = ownText(node);
    const nodeNotes = findNotes(own);
    notes.push(...nodeNotes.map((n) => n.note));
    const unitsBelow = descendants(node).some(hasOwnUnits);
    if (closesEnumeration(node)) return void tasks.push(makeTask(node, section, inherited));
    if (hasOwnUnits(node) && !unitsBelow) return void tasks.push(makeTask(node, section, inherited));
    if (node.children.length === 0) {
      if (inherited.length > 0) tasks.push(makeTask(node, section, inherited));
      else provisions.push({ section, number: node.number, title: titleOf(own) });
      return;
    }
    const assigned = unitsOf(own);
    const passed = union(inherited, assigned.lead, assigned.units, ...nodeNotes.map((n) => n.units));
    const label = node.marker + titleOf(own);
    for (const child of node.children) visit(child, label, passed);
  };
  for (const item of tree.items) visit(item, "", []);

  return { year, title, tasks, provisions, notes };
}
