// Typed configuration, read once from the environment and validated at start (fail fast).
// Every variable is documented in .env.example. Errors name the variable, in French and English.
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { knowledgeDir } from './paths.js';

export type TrustProxy = false | number | string[];

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface VirageConfig {
  nodeEnv: string;
  port: number;
  host: string;
  dataDir: string;
  /** The content folder (guides, aids, diagnostic, understanding): KNOWLEDGE_DIR, default the project's knowledge/. */
  knowledgeDir: string;
  /** Where data is kept: the embedded lowdb files in DATA_DIR (default) or PostgreSQL (DATABASE_URL). */
  store: { kind: 'lowdb' } | { kind: 'postgres'; url: string };
  /**
   * Redis shared by several instances (streams, live queue, console events, rate limits, Teams dedupe).
   * Absent: all of it in memory, one instance.
   */
  redis?: { url: string; prefix: string };
  publicUrl?: string;
  logLevel: LogLevel;
  /** Bot Framework channel credentials. An empty app id means local mode (no channel authentication). */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string;
  allowAnonymousChannels: boolean;
  /** Azure Bot Service Direct Line secret; when set, pages take Azure tokens from /api/directline/token. */
  directLineSecret?: string;
  /** HMAC key for self-hosted Direct Line tokens; generated once and kept in DATA_DIR when absent. */
  directLineTokenKey?: string;
  allowedOrigins: string[];
  /** Look of the web chat page. */
  brand: { title: string; primaryColor: string; accentColor: string };
  /** Shown on /confidentialite: who is responsible, the DPO, the legal basis of each purpose. */
  privacyNotice: {
    controller: string;
    dpoContact: string;
    basis: { conversation: string; diagnostic: string; handoff: string; feedback: string };
  };
  /** Retention periods, in days. */
  retention: { conversationDays: number; diagnosticDays: number; handoffDays: number; feedbackDays: number };
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Requests that take longer are answered 503. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open: longer than a reverse proxy's upstream idle timeout. */
  keepAliveTimeoutMs: number;
  /**
   * Which X-Forwarded-For hops to believe when reading the client address: false (none, the socket's
   * address), a hop count, or proxy addresses/subnets (and the names loopback, linklocal, uniquelocal).
   */
  trustProxy: TrustProxy;
  /** How long after its expiry a self-hosted Direct Line token still resumes its conversation (hours). */
  directLineResumeHours: number;
  /** Human handoff: advisors directory file, live wait before a callback ticket, optional SMTP, and how long an advisor without a live console socket stays present. */
  handoff: {
    advisorsFile: string;
    maxWaitMinutes: number;
    smtp?: { url: string; from: string };
    emitEvent: boolean;
    presenceAbsentSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    fr: string,
    en: string,
  ) {
    super(`Configuration invalide — ${variable} : ${fr} / Invalid configuration — ${variable}: ${en}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback = ''): string {
  const v = env[name];
  return v === undefined ? fallback : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(name, `« ${raw} » n'est pas un nombre entier`, `"${raw}" is not an integer`);
  }
  const n = Number(raw);
  if (n < min || n > max) {
    throw new ConfigError(name, `doit être entre ${min} et ${max}`, `must be between ${min} and ${max}`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name).toLowerCase();
  if (raw === '') return fallback;
  if (['true', '1', 'yes', 'oui'].includes(raw)) return true;
  if (['false', '0', 'no', 'non'].includes(raw)) return false;
  throw new ConfigError(name, `« ${raw} » n'est ni true ni false`, `"${raw}" is neither true nor false`);
}

function url(env: Env, name: string): string | undefined {
  const raw = str(env, name);
  if (raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `« ${raw} » n'est pas une URL valide`, `"${raw}" is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, 'doit commencer par http:// ou https://', 'must start with http:// or https://');
  }
  return raw.replace(/\/+$/, '');
}

function color(env: Env, name: string, fallback: string): string {
  const raw = str(env, name, fallback);
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) {
    throw new ConfigError(name, `« ${raw} » n'est pas une couleur #RRGGBB`, `"${raw}" is not a #RRGGBB colour`);
  }
  return raw;
}

const STORES = ['lowdb', 'postgres'] as const;

function store(env: Env): VirageConfig['store'] {
  const kind = str(env, 'STORE', 'lowdb').toLowerCase() || 'lowdb';
  if (!(STORES as readonly string[]).includes(kind)) {
    throw new ConfigError('STORE', `« ${kind} » : valeurs possibles ${STORES.join(', ')}`, `"${kind}": allowed ${STORES.join(', ')}`);
  }
  if (kind === 'lowdb') return { kind };
  const raw = str(env, 'DATABASE_URL');
  if (!raw) {
    throw new ConfigError(
      'DATABASE_URL',
      'obligatoire avec STORE=postgres (postgres://utilisateur@hôte:5432/base)',
      'required with STORE=postgres',
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      'DATABASE_URL',
      'doit être une URL postgres://utilisateur@hôte:5432/base',
      'must be a postgres://user@host:5432/database URL',
    );
  }
  return { kind: 'postgres', url: raw };
}

/** REDIS_URL (redis:// or rediss://) and REDIS_PREFIX (default "virage:"). */
function redis(env: Env): VirageConfig['redis'] {
  const raw = str(env, 'REDIS_URL');
  if (!raw) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['redis:', 'rediss:'].includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      'REDIS_URL',
      'doit être une URL redis://hôte:6379 (ou rediss:// chiffrée)',
      'must be a redis://host:6379 (or rediss://) URL',
    );
  }
  const prefix = str(env, 'REDIS_PREFIX', 'virage:') || 'virage:';
  if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(prefix)) {
    throw new ConfigError(
      'REDIS_PREFIX',
      'lettres, chiffres et « _ : . - » seulement (64 au plus)',
      'letters, digits and "_ : . -" only (64 at most)',
    );
  }
  return { url: raw, prefix };
}

/** TRUST_PROXY: empty/false, a hop count (1–10), or a comma list of addresses, subnets or proxy-addr names. */
function trustProxy(env: Env): TrustProxy {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === '' || ['false', 'non', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 10);
  const list = raw
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch {
    throw new ConfigError(
      'TRUST_PROXY',
      `« ${raw} » n'est ni un nombre de relais (1 à 10) ni une liste d’adresses (ex. loopback, 10.0.0.0/8)`,
      `"${raw}" is neither a hop count (1–10) nor an address list (e.g. loopback, 10.0.0.0/8)`,
    );
  }
  return list;
}

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Reads and validates the configuration. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): VirageConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  const logLevel = str(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `valeurs possibles : ${LOG_LEVELS.join(', ')}`, `allowed: ${LOG_LEVELS.join(', ')}`);
  }
  const appType = str(env, 'MicrosoftAppType', 'MultiTenant') as VirageConfig['microsoftAppType'];
  if (!APP_TYPES.includes(appType)) {
    throw new ConfigError('MicrosoftAppType', `valeurs possibles : ${APP_TYPES.join(', ')}`, `allowed: ${APP_TYPES.join(', ')}`);
  }
  const microsoftAppId = str(env, 'MicrosoftAppId');
  const microsoftAppPassword = str(env, 'MicrosoftAppPassword');
  const microsoftAppTenantId = str(env, 'MicrosoftAppTenantId');
  const allowAnonymousChannels = bool(env, 'ALLOW_ANONYMOUS_CHANNELS', false);
  if (microsoftAppId && !/^[0-9a-fA-F-]{36}$/.test(microsoftAppId)) {
    throw new ConfigError('MicrosoftAppId', 'doit être un identifiant d’application Azure (GUID)', 'must be an Azure app id (GUID)');
  }
  if (microsoftAppId && appType !== 'UserAssignedMSI' && !microsoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword', 'obligatoire quand MicrosoftAppId est renseigné', 'required when MicrosoftAppId is set');
  }
  if (appType === 'SingleTenant' && !microsoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', 'obligatoire en mode SingleTenant', 'required with SingleTenant');
  }
  if (nodeEnv === 'production' && !microsoftAppId && !allowAnonymousChannels) {
    throw new ConfigError(
      'MicrosoftAppId',
      'vide en production : l’authentification des canaux serait désactivée. Renseignez-le, ou ALLOW_ANONYMOUS_CHANNELS=true en connaissance de cause',
      'empty in production: channel authentication would be off. Set it, or ALLOW_ANONYMOUS_CHANNELS=true knowingly',
    );
  }
  const tokenKey = str(env, 'DIRECTLINE_TOKEN_KEY');
  if (tokenKey && tokenKey.length < 32) {
    throw new ConfigError('DIRECTLINE_TOKEN_KEY', 'au moins 32 caractères', 'at least 32 characters');
  }
  const allowedOrigins = str(env, 'ALLOWED_ORIGINS')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('ALLOWED_ORIGINS', `« ${origin} » n'est pas une origine (https://exemple.fr)`, `"${origin}" is not an origin`);
    }
  }
  const dataDir = path.resolve(cwd, str(env, 'DATA_DIR', './data') || './data');
  const smtpUrl = str(env, 'SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'doit commencer par smtp:// ou smtps://', 'must start with smtp:// or smtps://');
  }
  const smtpFrom = str(env, 'SMTP_FROM', 'Virage <virage@localhost>') || 'Virage <virage@localhost>';
  return {
    nodeEnv,
    port: int(env, 'PORT', 3978, 0, 65535),
    // Local mode (no channel authentication) is for this machine only unless HOST says otherwise.
    host: str(env, 'HOST') || (microsoftAppId ? '0.0.0.0' : '127.0.0.1'),
    dataDir,
    knowledgeDir: str(env, 'KNOWLEDGE_DIR') ? path.resolve(cwd, str(env, 'KNOWLEDGE_DIR')) : knowledgeDir,
    store: store(env),
    ...optional('redis', redis(env)),
    publicUrl: url(env, 'PUBLIC_URL'),
    logLevel,
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppType: appType,
    microsoftAppTenantId,
    allowAnonymousChannels,
    directLineSecret: str(env, 'DIRECTLINE_SECRET') || undefined,
    directLineTokenKey: tokenKey || undefined,
    allowedOrigins,
    brand: {
      title: str(env, 'BRAND_TITLE', 'Virage — CCI') || 'Virage — CCI',
      primaryColor: color(env, 'BRAND_PRIMARY_COLOR', '#0b5394'),
      accentColor: color(env, 'BRAND_ACCENT_COLOR', '#e69138'),
    },
    privacyNotice: {
      controller:
        str(env, 'PRIVACY_CONTROLLER') ||
        'La CCI qui met Virage à votre disposition sur ce site (ses coordonnées figurent sur son site internet).',
      dpoContact:
        str(env, 'PRIVACY_DPO_CONTACT') ||
        'Le délégué à la protection des données (DPO) de cette CCI, joignable par les coordonnées indiquées sur son site.',
      basis: {
        conversation:
          str(env, 'PRIVACY_BASIS_CONVERSATION') || 'Mission d’intérêt public de la CCI : l’appui aux entreprises (article 6.1.e du RGPD).',
        diagnostic:
          str(env, 'PRIVACY_BASIS_DIAGNOSTIC') || 'Mission d’intérêt public de la CCI : l’appui aux entreprises (article 6.1.e du RGPD).',
        handoff:
          str(env, 'PRIVACY_BASIS_HANDOFF') ||
          'Votre consentement, demandé avant toute transmission à un conseiller (article 6.1.a du RGPD).',
        feedback:
          str(env, 'PRIVACY_BASIS_FEEDBACK') || 'Mission d’intérêt public de la CCI : améliorer le service rendu (article 6.1.e du RGPD).',
      },
    },
    retention: {
      conversationDays: int(env, 'RETENTION_CONVERSATION_DAYS', 30, 1, 3650),
      diagnosticDays: int(env, 'RETENTION_DIAGNOSTIC_DAYS', 365, 1, 3650),
      handoffDays: int(env, 'RETENTION_HANDOFF_DAYS', 365, 1, 3650),
      feedbackDays: int(env, 'RETENTION_FEEDBACK_DAYS', 365, 1, 3650),
    },
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 15000, 100, 600000),
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 65000, 1000, 600000),
    trustProxy: trustProxy(env),
    directLineResumeHours: int(env, 'DIRECTLINE_RESUME_HOURS', 24, 0, 720),
    handoff: {
      advisorsFile: path.resolve(cwd, str(env, 'ADVISORS_FILE') || path.join(dataDir, 'conseillers.json')),
      maxWaitMinutes: int(env, 'HANDOFF_MAX_WAIT_MINUTES', 10, 1, 240),
      presenceAbsentSeconds: int(env, 'PRESENCE_ABSENT_SECONDS', 90, 5, 3600),
      emitEvent: bool(env, 'HANDOFF_EMIT_EVENT', false),
      ...(smtpUrl ? { smtp: { url: smtpUrl, from: smtpFrom } } : {}),
    },
  };
}

/** True when channel authentication is off (no app id): local mode. */
export function isLocalMode(config: VirageConfig): boolean {
  return !config.microsoftAppId;
}
