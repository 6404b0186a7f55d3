export const PATH_HEADER = "x-request-path";
