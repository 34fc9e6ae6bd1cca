// A real OpenID provider on loopback for the tests (panva/node-oidc-provider,
// OpenID Certified), standing in for M-Login / BayernID. Its development
// login page accepts any user name; the name becomes the account id.
//
//   node server.mjs            prints "issuer http://127.0.0.1:<port>" when ready
//   MUC_OIDC_ACCESS_TTL=2      access tokens live 2 s (to test expiry)
//   MUC_OIDC_FAULT=<fault>     the provider misbehaves, to test that the app
//                              refuses it: tamper (ID token payload changed,
//                              signature kept), nonce (another nonce), expired
//                              (an ID token that expired 10 minutes ago),
//                              audience (an ID token for another client), all
//                              re-signed with the provider's own key; http (the
//                              discovery document names an http token endpoint
//                              on another machine)
//
// Trust levels: see `authlevel` below (per test citizen and asked-for scope).
//
// POST /test/sign {header, claims, key} signs any claims, for the portal's
// token tests: key "provider" (its real signing key), "other" (a key it does
// not publish), "hs256-public" (HMAC keyed with its public key, the classic
// algorithm confusion), "none" (unsigned). A test provider only.
import http from 'node:http';
import { randomBytes, createPublicKey } from 'node:crypto';
import { generateKeyPair, exportJWK, CompactSign } from 'jose';
import Provider from 'oidc-provider';

const ttl = Number(process.env.MUC_OIDC_ACCESS_TTL || 300);

// Trust levels as BayernID has them: the app asks for one by scope (level1,
// level3, level4); the level reached comes back as the claim `authlevel`.
// A sign-in reaches the highest level asked for (level1 if none), but no
// higher than the test citizen can: "anna" has the eID card (level4),
// "bert" an ELSTER certificate (level3), everyone else a password (level1).
const LEVELS = ['level1', 'level3', 'level4'];
const reachable = { anna: 4, bert: 3 };
const authlevel = (scope, sub) => {
  const asked = Math.max(1, ...String(scope || '').split(' ').filter((s) => LEVELS.includes(s)).map((s) => Number(s.slice(5))));
  return `level${Math.min(asked, reachable[sub] || 1)}`;
};
const server = http.createServer();
server.listen(Number(process.env.PORT || 0), '127.0.0.1', async () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'muc-test', alg: 'RS256', use: 'sig' };
  const resource = 'urn:muenchen:portal';
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'muenchen-app',
      application_type: 'native', // RFC 8252: any loopback port is allowed
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'offline_access', ...LEVELS, 'person'],
    claims: { openid: ['sub'], profile: ['name'], level1: ['authlevel'], level3: ['authlevel'], level4: ['authlevel'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: (_use, scope) => ({ sub, name: sub.charAt(0).toUpperCase() + sub.slice(1), authlevel: authlevel(scope, sub) }),
    }),
    // The access token (a JWT for the portal) says the level too, for this
    // sign-in's scope: the code's at first, the refresh token's later.
    extraTokenClaims: (ctx, token) => {
      const e = ctx.oidc.entities;
      const scope = (e.AuthorizationCode || e.RefreshToken || {}).scope;
      return { authlevel: authlevel(scope, token.accountId) };
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile',
          audience: 'muenchen-portal',
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttl,
        }),
      },
      revocation: { enabled: true },
    },
    // The name in the ID token too (the app reads who signed in from it).
    conformIdTokenClaims: false,
    // A first-party app: no consent screen, and a refresh token without it.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const found = grantId && (await ctx.oidc.provider.Grant.find(grantId));
      const grant = found || new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      // The level scopes asked for this time (a step-up asks for a higher one).
      const asked = String(ctx.oidc.params.scope || '').split(' ').filter((s) => LEVELS.includes(s) || s === 'person');
      grant.addOIDCScope(['openid profile offline_access', ...asked].join(' '));
      grant.addResourceScope(resource, 'openid profile');
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: ttl, IdToken: 3600, RefreshToken: 86400, Session: 86400, Grant: 86400, Interaction: 600 },
  });
  provider.on('server_error', (_ctx, err) => console.error('server_error', err));
  const { privateKey: otherKey } = await generateKeyPair('RS256');
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
  provider.use(async (ctx, next) => {
    if (ctx.path !== '/test/sign' || ctx.method !== 'POST') return next();
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    const { header, claims, key } = JSON.parse(Buffer.concat(chunks).toString());
    const payload = new TextEncoder().encode(JSON.stringify(claims));
    let jwt;
    if (key === 'none') {
      const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      jwt = `${b(header)}.${b(claims)}.`;
    } else {
      const secret = { provider: privateKey, other: otherKey, 'hs256-public': Buffer.from(publicPem) }[key];
      jwt = await new CompactSign(payload).setProtectedHeader(header).sign(secret);
    }
    ctx.type = 'text/plain';
    ctx.body = jwt;
  });
  const fault = process.env.MUC_OIDC_FAULT || '';
  if (fault) {
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const resign = async (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256', kid: 'muc-test', typ: 'JWT' })
        .sign(privateKey);
    provider.use(async (ctx, next) => {
      await next();
      if (fault === 'http' && ctx.path === '/.well-known/openid-configuration' && ctx.body) {
        ctx.body = { ...ctx.body, token_endpoint: 'http://token.example.org/token' };
      }
      const idToken = ctx.path === '/token' && ctx.body && ctx.body.id_token;
      if (!idToken) return;
      const [head, body, sig] = idToken.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const now = Math.floor(Date.now() / 1000);
      if (fault === 'tamper') {
        ctx.body = { ...ctx.body, id_token: `${head}.${b64({ ...claims, sub: 'mallory', name: 'Mallory' })}.${sig}` };
      } else if (fault === 'nonce') {
        ctx.body = { ...ctx.body, id_token: await resign({ ...claims, nonce: 'not-the-apps-nonce' }) };
      } else if (fault === 'expired') {
        ctx.body = { ...ctx.body, id_token: await resign({ ...claims, iat: now - 1200, exp: now - 600 }) };
      } else if (fault === 'audience') {
        ctx.body = { ...ctx.body, id_token: await resign({ ...claims, aud: 'another-app', azp: 'another-app' }) };
      }
    });
  }
  server.on('request', provider.callback());
  console.log(`issuer ${issuer}`);
});
