/**
 * Thrown when a computation needs a day of a year for which no State Council holiday notice is known.
 * Guessing Mon–Fri for such a year would silently mis-score records around every holiday and 调休 day.
 */
export class UncoveredYearError extends Error {
  readonly year: number;

  constructor(year: number) {
    super(
      `${year}年的节假日安排尚未录入：请在系统中录入国务院办公厅${year}年节假日通知后再计算，系统不会按周一至周五推算。`,
    );
    this.name = "UncoveredYearError";
    this.year = year;
  }
}
