export { WorkCalendar } from "./work-calendar";
export type { CalendarOverride, DayInfo, NoticeData } from "./types";
export { UncoveredYearError } from "./uncovered-year-error";
export { createWorkCalendar } from "./default-calendar";
export { packageCoveredYears, packageNoticeData } from "./package-data";
export { SGS_REPORTING_WORKING_DAYS, isSgsTimely, sgsReportingDeadline, sgsWorkingDaysLate } from "./sgs-deadline";
export { holidayNoticeSchema, noticeOverrides, parseHolidayNotice, type HolidayNotice } from "./notice";
