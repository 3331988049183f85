// The form fields the portal describes for products (`GET /order/@product_id`) and for TLDs whose
// registry needs more (`GET /domain/order/@id/form`): one shape for both.
import * as v from 'valibot';
import { Amount, Flag, Id, list, Text } from '../schema';

export const PricedChoice = v.looseObject({
  title: v.optional(Text, ''),
  value: v.optional(v.unknown()),
  id: v.optional(Id),
  price: v.optional(Amount, 0),
  setup: v.optional(Amount, 0),
  selected: v.optional(Flag, false),
});
export type PricedChoice = v.InferOutput<typeof PricedChoice>;

/** A configuration field (`forms`) or a field of `config.product` (cycle, domain). */
export const FormField = v.looseObject({
  type: Text,
  title: v.optional(Text, ''),
  id: v.optional(Id, ''),
  name: v.optional(Text, ''),
  description: v.optional(Text, ''),
  required: v.optional(Flag, false),
  multiple: v.optional(Flag, false),
  firstItemId: v.optional(Id),
  value: v.optional(v.unknown()),
  items: v.optional(list(PricedChoice), []),
  price: v.optional(Amount, 0),
  setup: v.optional(Amount, 0),
  config: v.optional(v.unknown()),
});
export type FormField = v.InferOutput<typeof FormField>;
