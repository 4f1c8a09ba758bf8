export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** The product's top-level navigation; every entry is a real route. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/designer", label: "Designer" },
  { href: "/check", label: "Check a pipeline" },
  { href: "/rules", label: "Rules" },
  { href: "/audit", label: "Audit" },
];
