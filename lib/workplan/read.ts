import { readDeadline } from "./deadlines";
import { normalise } from "./normalise";
import { buildTree, descendants, findTitle, findYearWithSource, fullText, originalText, ownText, type PlanNode } from "./structure";
import { readTargets } from "./targets";
import type { Provision, ReadOptions, Task, WorkPlan } from "./types";
import { findNotes, findUnitGroups, isUnitLine, union, unitsOf, withoutUnitGroups, type StandingNote } from "./units";

/** First sentence: up to 。;:!? or the unit bracket; a heading line on its own is the whole title. */
export function titleOf(text: string): string {
  const lines = text.split("\n");
  const first = lines.find((l) => l !== "") ?? "";
  const cuts = [first.search(/[。;:!?]/), findUnitGroups(first)[0]?.start ?? -1].filter((i) => i >= 0);
  const title = cuts.length > 0 ? first.slice(0, Math.min(...cuts)) : first;
  let bare = title;
  for (const n of findNotes(title)) {
    const at = bare.indexOf(n.note);
    if (at < 0) continue;
    // The note with the bracket around it, if any: "加强领导(以下均需…不再列出)".
    const open = /[(（〔[【]$/.test(bare.slice(0, at)) ? 1 : 0;
    const close = /^[)）〕\]】]/.test(bare.slice(at + n.note.length)) ? 1 : 0;
    bare = bare.slice(0, at - open) + bare.slice(at + n.note.length + close);
  }
  return bare.replace(/[,、]+$/, "").trim();
}

function hasOwnUnits(node: PlanNode): boolean {
  const own = unitsOf(ownText(node));
  return own.lead.length + own.units.length > 0;
}

/**
 * "1.完善制度 (1)修订办法; (2)建立台账。〔责任单位:…〕": the bracket closing the last sub-item is the item's own.
 * So is a unit line standing on its own after the sub-measures: "(1)…。(2)…。(3)…。\n责任单位:…".
 */
function closesEnumeration(node: PlanNode): boolean {
  const items = node.children;
  const last = items.at(-1);
  if (!last || items.some((c) => c.children.length > 0) || !hasOwnUnits(last)) return false;
  const earlier = items.slice(0, -1);
  if (earlier.some(hasOwnUnits)) return false;
  if (last.rank >= 3 && last.paragraphs.length > 1 && isUnitLine(last.paragraphs.at(-1)!.text)) return true;
  if (items.length < 2) return false;
  const listed = earlier.every((c) => /[;,、]$/.test(ownText(c))) || /:$/.test(ownText(node));
  const text = ownText(last);
  return listed && findUnitGroups(text).at(-1)?.end === text.replace(/。$/, "").length;
}

export function readWorkPlan(input: string, options: ReadOptions = {}): WorkPlan {
  const { paragraphs, noise } = normalise(input);
  const tree = buildTree(paragraphs);
  const title = findTitle(tree.preamble);
  const found = findYearWithSource(title, tree, noise);
  const year = options.year ?? found?.year ?? options.fallbackYear ?? null;
  const yearSource = options.year !== undefined ? "option" : found ? found.source : options.fallbackYear !== undefined ? "fallback" : null;
  const notes: string[] = [];
  const tasks: Task[] = [];
  const provisions: Provision[] = [];

  // Standing rules ("以下均需各县区人民政府落实,不再列出", "列第一位的为牵头单位") hold for every task after
  // them in the document; one before the body holds for all, and makes no task of its own.
  let standing: string[] = [];
  let firstLeads = false;
  const stand = (found: StandingNote[]) => {
    notes.push(...found.map((n) => n.note));
    standing = union(standing, ...found.map((n) => n.units));
    firstLeads ||= found.some((n) => n.firstLeads);
  };
  stand(findNotes(tree.preamble.map((p) => p.text).join("\n")));

  const makeTask = (node: PlanNode, section: string, inherited: string[], whole: boolean): Task => {
    const text = fullText(node);
    const own = unitsOf(whole ? text : ownText(node));
    if (firstLeads && own.lead.length === 0 && own.units.length > 1) own.lead.push(own.units.shift()!);
    const plain = withoutUnitGroups(text);
    const { targets, firstAt } = readTargets(plain, text);
    const deadline = readDeadline(plain, year, firstAt, text);
    return {
      section,
      number: node.number,
      title: titleOf(ownText(node)),
      text,
      originalText: originalText(node),
      leadUnits: own.lead,
      units: union(own.units, inherited, standing).filter((u) => !own.lead.includes(u)),
      targets,
      deadline: deadline.date,
      deadlineKind: deadline.kind,
      deadlineText: deadline.text,
    };
  };

  const visit = (node: PlanNode, section: string, inherited: string[]): void => {
    const own = ownText(node);
    const nodeNotes = findNotes(own);
    // A rule in the item's own line holds for it; one in a paragraph after it, for what follows only.
    const [first, ...after] = node.paragraphs.map((p, i) => (i === 0 ? p.text.slice(node.marker.length) : p.text));
    stand(findNotes(first ?? ""));
    const later = findNotes(after.join("\n"));
    const unitsBelow = descendants(node).some(hasOwnUnits);
    const task = (whole: boolean) => {
      tasks.push(makeTask(node, section, inherited, whole));
      stand(later);
      if (whole) stand(descendants(node).flatMap((d) => findNotes(ownText(d))));
    };
    if (closesEnumeration(node)) return task(true);
    if (hasOwnUnits(node) && !unitsBelow) return task(false);
    if (node.children.length === 0) {
      if (inherited.length > 0) return task(false);
      provisions.push({ section, number: node.number, title: titleOf(own) });
      return stand(later);
    }
    stand(later);
    const assigned = unitsOf(own);
    const passed = union(inherited, assigned.lead, assigned.units, ...nodeNotes.map((n) => n.units));
    const label = node.marker + titleOf(own);
    for (const child of node.children) visit(child, label, passed);
  };
  for (const item of tree.items) visit(item, "", []);

  return { year, yearSource, title, tasks, provisions, notes };
}
