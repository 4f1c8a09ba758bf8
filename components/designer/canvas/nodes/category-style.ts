/** A colour and a one-letter glyph per action category, so node kinds read at a glance. */
export interface CategoryStyle {
  readonly glyph: string;
  readonly className: string;
}

const STYLES: Record<string, CategoryStyle> = {
  Source: { glyph: "S", className: "bg-emerald-600 text-white" },
  Build: { glyph: "B", className: "bg-amber-500 text-white" },
  Test: { glyph: "T", className: "bg-sky-600 text-white" },
  Deploy: { glyph: "D", className: "bg-violet-600 text-white" },
  Approval: { glyph: "A", className: "bg-rose-600 text-white" },
  Invoke: { glyph: "I", className: "bg-orange-600 text-white" },
  Compute: { glyph: "C", className: "bg-cyan-700 text-white" },
};

export function categoryStyle(category: string): CategoryStyle {
  return STYLES[category] ?? { glyph: "?", className: "bg-slate-500 text-white" };
}
