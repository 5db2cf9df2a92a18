// The privacy page (/confidentialite) and the « mes données » download behind a signed link.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { VirageConfig } from '../config.js';
import { webDir } from '../paths.js';
import type { SignedLinks } from '../privacy/links.js';
import type { PrivacyRegistry } from '../privacy/registry.js';
import { sendError } from './http-errors.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function registerPrivacyRoutes(server: Server, deps: { config: VirageConfig; privacy: PrivacyRegistry; links: SignedLinks }): void {
  const { config, privacy, links } = deps;
  const template = readFileSync(path.join(webDir, 'pages', 'confidentialite.html'), 'utf8');
  const page = template
    .replaceAll('{{title}}', escapeHtml(config.brand.title))
    .replaceAll('{{color}}', config.brand.primaryColor)
    .replaceAll('{{conversationDays}}', String(config.retention.conversationDays))
    .replaceAll('{{diagnosticDays}}', String(config.retention.diagnosticDays))
    .replaceAll('{{handoffDays}}', String(config.retention.handoffDays))
    .replaceAll('{{feedbackDays}}', String(config.retention.feedbackDays))
    .replaceAll('{{controller}}', escapeHtml(config.privacyNotice.controller))
    .replaceAll('{{dpoContact}}', escapeHtml(config.privacyNotice.dpoContact))
    .replaceAll('{{basisConversation}}', escapeHtml(config.privacyNotice.basis.conversation))
    .replaceAll('{{basisDiagnostic}}', escapeHtml(config.privacyNotice.basis.diagnostic))
    .replaceAll('{{basisHandoff}}', escapeHtml(config.privacyNotice.basis.handoff))
    .replaceAll('{{basisFeedback}}', escapeHtml(config.privacyNotice.basis.feedback));

  server.get('/confidentialite', async (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'");
    res.sendRaw(200, page);
  });

  // The signed token is in the path (links already given) or in `?t=` (same check either way).
  const download = async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const token = req.params?.token ?? (typeof query.t === 'string' ? query.t : '');
    const subject = links.verify(String(token));
    if (!subject) return sendError(res, 403, 'Forbidden', 'Lien invalide ou expiré : redemandez « mes données » à Virage.');
    const data = await privacy.exportFor(subject);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="virage-mes-donnees.json"');
    res.setHeader('Cache-Control', 'no-store');
    res.sendRaw(200, JSON.stringify(data, null, 2));
  };
  server.get('/mes-donnees/:token', download);
  server.get('/mes-donnees', download);
}
