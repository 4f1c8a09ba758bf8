"use client";

import type { DesignerViewProps } from "@/lib/domain/designer/contract";
import { Inspector } from "@/components/designer/inspector/inspector";
import { ProblemsPanel } from "@/components/designer/problems/problems-panel";

/** The right-hand column: the inspector of the selection above the problems panel. */
export function SidePanel(props: DesignerViewProps) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="inspector-column">
        <Inspector {...props} />
      </div>
      <div className="flex max-h-[40%] min-h-0 flex-col border-t border-slate-200 dark:border-slate-800">
        <ProblemsPanel document={props.document} diagnostics={props.diagnostics} select={props.select} />
      </div>
    </div>
  );
}
