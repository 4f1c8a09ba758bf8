"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { AvailableNamespace } from "@/lib/domain/validation/variable-references";
import { applyCompletion, completionAt, type Completion } from "./reference-completion";

interface ReferenceInputProps {
  readonly id: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly namespaces: readonly AvailableNamespace[];
  readonly className: string;
  readonly required?: boolean;
  readonly type?: "text" | "password";
}

/**
 * A text input that completes `#{namespace.key}` references from the namespaces visible at
 * this place in the pipeline (a combobox in the ARIA sense: the list is a listbox popover).
 */
export function ReferenceInput({ id, path, value, onChange, namespaces, className, required, type = "text" }: ReferenceInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [completion, setCompletion] = useState<Completion | undefined>();
  const [active, setActive] = useState(0);

  const refresh = (text: string, cursor: number | null) => {
    const next = cursor === null ? undefined : completionAt(text, cursor, namespaces);
    setCompletion(next);
    setActive(0);
  };

  const pick = (index: number) => {
    const item = completion?.items[index];
    if (!completion || !item) return;
    const next = applyCompletion(value, completion, item);
    onChange(next.value);
    setCompletion(undefined);
    // Keep completing: after a namespace the key list opens at once.
    requestAnimationFrame(() => {
      const el = input.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.cursor, next.cursor);
      refresh(next.value, next.cursor);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!completion) return;
    const n = completion.items.length;
    if (e.key === "ArrowDown") setActive((a) => (a + 1) % n);
    else if (e.key === "ArrowUp") setActive((a) => (a - 1 + n) % n);
    else if (e.key === "Enter" || e.key === "Tab") pick(active);
    else if (e.key === "Escape") setCompletion(undefined);
    else return;
    e.preventDefault();
    // The canvas listens for Delete/Escape/arrows: keys handled here are not for it.
    e.stopPropagation();
  };

  const open = completion !== undefined && type === "text";
  return (
    <div className="relative">
      <input
        ref={input}
        id={id}
        type={type}
        data-path={path}
        aria-required={required}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        className={className}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setCompletion(undefined)}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Variable references"
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {completion.items.map((item, i) => (
            <li
              key={item.insert}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer justify-between gap-2 px-2 py-1 ${i === active ? "bg-indigo-50 dark:bg-indigo-950" : ""}`}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
            >
              <span className="font-mono">{item.label}</span>
              <span className="text-slate-500">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
