// Writes the Teams app icons (teams/icons/color.png 192×192, outline.png 32×32) from src/teams/icons.ts.
// Usage: npm run build && node dist/scripts/teams-icons.js
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { teamsDir } from '../src/paths.js';
import { drawColorIcon, drawOutlineIcon, encodePng } from '../src/teams/icons.js';

const dir = path.join(teamsDir, 'icons');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'color.png'), encodePng(drawColorIcon()));
writeFileSync(path.join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
process.stdout.write(`Icônes écrites / icons written: ${path.relative(process.cwd(), dir)}/color.png, outline.png\n`);
