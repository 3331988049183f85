// One-off helper kept for new manifest entries: moves the user-visible strings of package.json into
// package.nls.json (VS Code's manifest localisation) and leaves %key% placeholders behind. Strings
// already externalised are left alone, so it can run again after adding a command or setting.
'use strict';
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const manifestFile = join(root, 'package.json');
const nlsFile = join(root, 'package.nls.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};

function put(key, value) {
  if (typeof value !== 'string' || /^%.*%$/.test(value)) return value;
  if (nls[key] !== undefined && nls[key] !== value) throw new Error(`${key} already means “${nls[key]}”`);
  nls[key] = value;
  return `%${key}%`;
}

manifest.displayName = put('displayName', manifest.displayName);
manifest.description = put('description', manifest.description);
const c = manifest.contributes;
for (const container of c.viewsContainers?.activitybar ?? []) container.title = put(`viewsContainer.${container.id}.title`, container.title);
for (const views of Object.values(c.views ?? {})) {
  for (const view of views) {
    view.name = put(`view.${view.id}.name`, view.name);
    if (view.contextualTitle) view.contextualTitle = put(`view.${view.id}.contextualTitle`, view.contextualTitle);
  }
}
const welcomes = {};
for (const w of c.viewsWelcome ?? []) {
  const n = (welcomes[w.view] = (welcomes[w.view] ?? 0) + 1);
  w.contents = put(`viewsWelcome.${w.view}.${n}`, w.contents);
}
for (const command of c.commands ?? []) {
  command.title = put(`command.${command.command}.title`, command.title);
  if (command.shortTitle) command.shortTitle = put(`command.${command.command}.shortTitle`, command.shortTitle);
  if (command.category) command.category = put('command.category', command.category);
}
for (const [key, setting] of Object.entries(c.configuration?.properties ?? {})) {
  for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
    if (setting[field]) setting[field] = put(`config.${key}.${field}`, setting[field]);
  }
  (setting.enumDescriptions ?? []).forEach((d, i) => (setting.enumDescriptions[i] = put(`config.${key}.enumDescriptions.${i}`, d)));
  (setting.markdownEnumDescriptions ?? []).forEach((d, i) => (setting.markdownEnumDescriptions[i] = put(`config.${key}.markdownEnumDescriptions.${i}`, d)));
}
if (c.configuration?.title) c.configuration.title = put('config.title', c.configuration.title);
for (const language of c.languages ?? []) {
  (language.aliases ?? []).forEach((a, i) => i > 0 || (language.aliases[0] = a)); // aliases are names, not prose
}

writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(nlsFile, `${JSON.stringify(nls, null, 2)}\n`);
console.log(`package.nls.json: ${Object.keys(nls).length} strings`);
