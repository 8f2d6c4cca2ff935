// The provider-specific detectors, assembled, and the one shared scan of a file: the provider
// rule reports its results and the generic rule skips values it already covers.
import type { RuleContext } from '../types';
import {
  authorizationHeaderDetector, cliSecretFlagDetector, connectionStringPasswordDetector, curlUserDetector, netrcPasswordDetector, npmrcAuthDetector, urlCredentialsDetector, urlQuerySecretDetector,
} from './credentials';
import { isFixturePath, isTestOrExamplePath } from './file-context';
import {
  awsSecretAfterKeyIdDetector, azureClientSecretDetector, discordBotTokenDetector, firebaseServerKeyDetector, mailchimpKeyDetector,
  mailgunKeyDetector, openAiMarkerDetector, telegramDetector, terraformCloudDetector, twilioSecretAfterSidDetector,
} from './paired';
import { scanText, type Detector, type ScanContext, type SecretMatch } from './scan';
import { base64PemDetector, jwtDetector, pemDetector } from './structured';
import { TOKEN_PATTERNS, tokenDetector } from './token-patterns';
import { teamsWebhookDetector } from './webhooks';

export const DETECTORS: readonly Detector[] = [
  ...TOKEN_PATTERNS.map(tokenDetector),
  pemDetector,
  base64PemDetector,
  jwtDetector,
  awsSecretAfterKeyIdDetector,
  openAiMarkerDetector,
  telegramDetector,
  azureClientSecretDetector,
  terraformCloudDetector,
  firebaseServerKeyDetector,
  urlCredentialsDetector,
  urlQuerySecretDetector,
  authorizationHeaderDetector,
  curlUserDetector,
  connectionStringPasswordDetector,
  npmrcAuthDetector,
  netrcPasswordDetector,
  cliSecretFlagDetector,
  twilioSecretAfterSidDetector,
  mailgunKeyDetector,
  mailchimpKeyDetector,
  discordBotTokenDetector,
  teamsWebhookDetector,
];

export function scanContextOf(ctx: Pick<RuleContext, 'text' | 'fileName' | 'kind'>): ScanContext {
  return { text: ctx.text, fileName: ctx.fileName, kind: ctx.kind, inTest: isTestOrExamplePath(ctx.fileName), inFixtures: isFixturePath(ctx.fileName) };
}

/** Every provider-specific secret in the file (computed once per file, shared by the rules). */
export function providerSecrets(ctx: RuleContext): SecretMatch[] {
  return ctx.memo('secrets:providers', () => scanText(scanContextOf(ctx), DETECTORS));
}
