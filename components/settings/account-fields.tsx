"use client";

import { useState } from "react";
import { FieldError, INPUT, type Option } from "./form-bits";

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
      <label className="flex flex-col gap-1">角色
        <select name="role" defaultValue={values.role ?? ""} onChange={(e) => setRole(e.target.value)} required className={INPUT}>
          <option value="">请选择</option>
          {choices.roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
        <FieldError message={errors.role} />
      </label>
      {role === "department" && (
        <label className="flex flex-col gap-1">所属部门
          <select name="departmentId" defaultValue={values.departmentId ?? ""} required className={INPUT}>
            <option value="">请选择</option>
            {choices.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
          <FieldError message={errors.departmentId} />
        </label>
      )}
      {role === "district" && (
        <label className="flex flex-col gap-1">所属区县
          <select name="districtId" defaultValue={values.districtId ?? ""} required className={INPUT}>
            <option value="">请选择</option>
            {choices.districts.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
          <FieldError message={errors.districtId} />
        </label>
      )}
    </>
  );
}
