/**
 * The SQL shared by the tables triggers keep (fact flows, 双公示 month facts, 高频处罚 candidates): how a trigger
 * is written, and the text of the migration that installs it (drizzle-kit splits statements at the breakpoints).
 * Each migration's test holds the committed file to this text, so the format must not change.
 */
export interface TriggerSpec {
  name: string;
  timing: "BEFORE" | "AFTER";
  event: string;
  table: string;
  body: string[];
}

export function createTriggerSql(t: TriggerSpec): string {
  return `CREATE TRIGGER \`${t.name}\` ${t.timing} ${t.event} ON \`${t.table}\` FOR EACH ROW BEGIN\n  ${t.body.join(";\n  ")};\nEND`;
}

/** A custom migration's file text: the statements, each ended and separated as drizzle-kit expects. */
export function migrationText(statements: string[]): string {
  return `${statements.join(";\n--> statement-breakpoint\n")};\n`;
}

/** Drops the given triggers if present, creates them anew, then runs the rebuild of what they keep. */
export function triggerMigrationStatements(triggers: TriggerSpec[], rebuild: string[]): string[] {
  return [...triggers.map((t) => `DROP TRIGGER IF EXISTS \`${t.name}\``), ...triggers.map(createTriggerSql), ...rebuild];
}
