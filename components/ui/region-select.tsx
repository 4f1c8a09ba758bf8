"use client";

import type { SelectHTMLAttributes } from "react";
import { SORTED_REGIONS } from "@/lib/domain/catalog/regions";

interface RegionSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children"> {
  readonly value: string;
  readonly onChange: (region: string) => void;
  /** Label of the "no region" choice (value ""); without it there is none. */
  readonly emptyLabel?: string;
  /** Regions not to offer (taken elsewhere); the current value is offered all the same. */
  readonly exclude?: readonly string[];
}

/**
 * A choice among the regions where CodePipeline operates. A value outside them (imported, or a
 * region added to AWS since) stays shown as it is rather than silently becoming another.
 */
export function RegionSelect({ value, onChange, emptyLabel, exclude = [], ...select }: RegionSelectProps) {
  const known = SORTED_REGIONS.includes(value);
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {value !== "" && !known && <option value={value}>{value} (not a known region)</option>}
      {SORTED_REGIONS.filter((r) => r === value || !exclude.includes(r)).map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
