"use client";

import { useState } from "react";
import { FieldError, INPUT, SelectField, type Option } from "./form-bits";

export interface RoleOption {
  value: string;
  label: string;
}

export interface ScopeChoices {
  roles: RoleOption[];
  departments: Option[];
  districts: Option[];
}

/**
 * 姓名或单位, 角色, and the 所属部门 / 所属区县 select the role needs. Every field is uncontrolled: React
 * resets a form after its action, to each field's default, so the defaults are what should show.
 */
export function AccountFields({ values, errors, choices }: { values: Record<string, string>; errors: Record<string, string>; choices: ScopeChoices }) {
  const [role, setRole] = useState(values.role ?? "");
  return (
    <>
      <label className="flex flex-col gap-1">姓名或单位
        <input name="displayName" defaultValue={values.displayName ?? ""} maxLength={60} required className={INPUT} />
        <FieldError message={errors.displayName} />
      </label>
      <SelectField label="角色" name="role" value={values.role} required error={errors.role} onChange={setRole}
        options={choices.roles} />
      {role === "department" && (
        <SelectField label="所属部门" name="departmentId" value={values.departmentId} required error={errors.departmentId}
          options={choices.departments.map((d) => ({ value: d.id, label: d.name }))} />
      )}
      {role === "district" && (
        <SelectField label="所属区县" name="districtId" value={values.districtId} required error={errors.districtId}
          options={choices.districts.map((d) => ({ value: d.id, label: d.name }))} />
      )}
    </>
  );
}
