export * from "./enums";
export * from "./org";
export * from "./entities";
export * from "./sgs";
export * from "./finance";
export * from "./discipline";
export * from "./monitoring";
export * from "./calendar";
