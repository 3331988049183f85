/** A configuration form field as the reference shows it (product `forms`, a TLD's order form). */
export function formFieldJson(
  f: { type: string; title: string; id: string; required: boolean; items: { title: string; id: number | string; price: number; setup?: number }[] },
  config: Record<string, unknown> = {},
  preselectRequired = false,
) {
  return {
    type: f.type,
    title: f.title,
    id: f.id,
    firstItemId: f.items[0]?.id,
    description: '',
    name: `custom[${f.id}]`,
    required: f.required,
    multiple: false,
    config,
    value: [],
    textvalue: [],
    price: 0,
    recurring_price: 0,
    setup: 0,
    prorata_date: null,
    items: f.items.map((i, n) => ({ title: i.title, value: 1, id: i.id, price: i.price, setup: i.setup ?? 0, selected: preselectRequired && f.required && n === 0 })),
  };
}
