// Provider tokens recognisable by their own format: a fixed prefix, then a body of known length
// and alphabet. Each pattern is a sticky regex tried only where its prefix occurs, with bounded
// quantifiers and no nested repetition, so matching is linear however hostile the input.
import { isWordy, shapeOf } from './entropy';
import { isDocumentedExample } from './placeholders';
import { boundaryBefore, PRIORITY, stickyMatch, type Detector, type SecretMatch } from './scan';

export interface TokenPattern {
  id: string;
  /** What it is; a function when the prefix decides ('ghp_' vs 'ghs_'). */
  label: string | ((token: string) => string);
  envName: string;
  /** Prefixes; the pattern is tried where one occurs. */
  anchors: readonly string[];
  /** Sticky regex matched at the anchor, bounded quantifiers only. */
  regex: RegExp;
  /** Capture group that holds the secret, when the anchor is not part of it ('AccountKey='). */
  group?: number;
  /** Length of the fixed prefix, so the randomness check reads only the body. */
  prefixLength?: number;
  /** Include a directly preceding 'https://' in the range (webhook URLs are the secret). */
  withScheme?: boolean;
}

const GITHUB_KINDS: Record<string, string> = {
  ghp: 'GitHub personal access token', gho: 'GitHub OAuth access token', ghu: 'GitHub user-to-server token',
  ghs: 'GitHub server-to-server (app installation) token', ghr: 'GitHub refresh token',
};

export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { id: 'aws-access-key-id', label: 'AWS access key ID', envName: 'AWS_ACCESS_KEY_ID', anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'], regex: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'github-token', label: (t) => GITHUB_KINDS[t.slice(0, 3)], envName: 'GITHUB_TOKEN', anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], regex: /gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/y, prefixLength: 4 },
  { id: 'github-fine-grained-token', label: 'GitHub fine-grained personal access token', envName: 'GITHUB_TOKEN', anchors: ['github_pat_'], regex: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59,120}(?![A-Za-z0-9_])/y, prefixLength: 11 },
  { id: 'gitlab-token', label: 'GitLab access token', envName: 'GITLAB_TOKEN', anchors: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glcbt-', 'gloas-', 'glimt-', 'glagent-'], regex: /gl(?:pat|dt|rt|ptt|ft|soat|cbt|oas|imt|agent)-[A-Za-z0-9_-]{20,120}(?![A-Za-z0-9_-])/y, prefixLength: 6 },
  { id: 'gitlab-runner-registration-token', label: 'GitLab runner registration token', envName: 'GITLAB_RUNNER_TOKEN', anchors: ['GR1348941'], regex: /GR1348941[A-Za-z0-9_-]{20,40}(?![A-Za-z0-9_-])/y, prefixLength: 9 },
  { id: 'slack-token', label: 'Slack token', envName: 'SLACK_TOKEN', anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'], regex: /xox[bpaors]-\d{6,15}-(?:\d{6,15}-){0,2}[A-Za-z0-9]{20,64}(?![A-Za-z0-9-])/y, prefixLength: 5 },
  { id: 'slack-app-token', label: 'Slack app-level token', envName: 'SLACK_APP_TOKEN', anchors: ['xapp-'], regex: /xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[a-z0-9]{32,80}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'slack-config-token', label: 'Slack configuration token', envName: 'SLACK_CONFIG_TOKEN', anchors: ['xoxe.xox', 'xoxe-'], regex: /xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,220}(?![A-Za-z0-9])/y, prefixLength: 7 },
  { id: 'slack-webhook', label: 'Slack incoming webhook URL', envName: 'SLACK_WEBHOOK_URL', anchors: ['hooks.slack.com/'], regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,48}(?![A-Za-z0-9])/y, prefixLength: 25, withScheme: true },
  { id: 'stripe-secret-key', label: (t) => (t.startsWith('rk') ? 'Stripe live restricted key' : 'Stripe live secret key'), envName: 'STRIPE_SECRET_KEY', anchors: ['sk_live_', 'rk_live_'], regex: /[sr]k_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'webhook-signing-secret', label: 'webhook signing secret (Stripe/Svix)', envName: 'WEBHOOK_SECRET', anchors: ['whsec_'], regex: /whsec_[A-Za-z0-9+/=]{32,100}(?![A-Za-z0-9+/=])/y, prefixLength: 6 },
  { id: 'openai-api-key', label: 'OpenAI API key', envName: 'OPENAI_API_KEY', anchors: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'], regex: /sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250}(?![A-Za-z0-9_-])/y, prefixLength: 8 },
  { id: 'anthropic-api-key', label: 'Anthropic API key', envName: 'ANTHROPIC_API_KEY', anchors: ['sk-ant-'], regex: /sk-ant-[a-z]{3,7}\d{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/y, prefixLength: 13 },
  { id: 'google-api-key', label: 'Google API key', envName: 'GOOGLE_API_KEY', anchors: ['AIza'], regex: /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y, prefixLength: 4 },
  { id: 'google-oauth-client-secret', label: 'Google OAuth client secret', envName: 'GOOGLE_CLIENT_SECRET', anchors: ['GOCSPX-'], regex: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/y, prefixLength: 7 },
  { id: 'google-oauth-access-token', label: 'Google OAuth access token', envName: 'GOOGLE_ACCESS_TOKEN', anchors: ['ya29.'], regex: /ya29\.[0-9A-Za-z_-]{30,400}(?![0-9A-Za-z_-])/y, prefixLength: 5 },
  { id: 'azure-storage-account-key', label: 'Azure storage account key', envName: 'AZURE_STORAGE_CONNECTION_STRING', anchors: ['AccountKey='], regex: /AccountKey=([A-Za-z0-9+/]{86}==)/y, group: 1 },
  { id: 'azure-shared-access-key', label: 'Azure shared access key', envName: 'AZURE_SERVICEBUS_CONNECTION_STRING', anchors: ['SharedAccessKey='], regex: /SharedAccessKey=([A-Za-z0-9+/]{42,44}=?)(?![A-Za-z0-9+/=])/y, group: 1 },
  { id: 'sendgrid-api-key', label: 'SendGrid API key', envName: 'SENDGRID_API_KEY', anchors: ['SG.'], regex: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, prefixLength: 3 },
  { id: 'mailgun-api-key', label: 'Mailgun API key', envName: 'MAILGUN_API_KEY', anchors: ['key-'], regex: /key-[0-9a-z]{32}(?![0-9A-Za-z])/y, prefixLength: 4 },
  { id: 'npm-token', label: 'npm access token', envName: 'NPM_TOKEN', anchors: ['npm_'], regex: /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'pypi-token', label: 'PyPI API token', envName: 'PYPI_TOKEN', anchors: ['pypi-AgE'], regex: /pypi-AgE[A-Za-z0-9_-]{50,400}(?![A-Za-z0-9_-])/y, prefixLength: 8 },
  { id: 'discord-webhook', label: 'Discord webhook URL', envName: 'DISCORD_WEBHOOK_URL', anchors: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], regex: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/y, prefixLength: 25, withScheme: true },
  { id: 'shopify-token', label: 'Shopify access token', envName: 'SHOPIFY_ACCESS_TOKEN', anchors: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], regex: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/y, prefixLength: 6 },
  { id: 'digitalocean-token', label: 'DigitalOcean token', envName: 'DIGITALOCEAN_TOKEN', anchors: ['dop_v1_', 'doo_v1_', 'dor_v1_'], regex: /do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/y, prefixLength: 7 },
  { id: 'heroku-api-key', label: 'Heroku API key', envName: 'HEROKU_API_KEY', anchors: ['HRKU-'], regex: /HRKU-[A-Za-z0-9_-]{40,80}(?![A-Za-z0-9_-])/y, prefixLength: 5 },
  { id: 'vault-token', label: 'HashiCorp Vault token', envName: 'VAULT_TOKEN', anchors: ['hvs.', 'hvb.', 'hvr.'], regex: /hv[sbr]\.[A-Za-z0-9_-]{24,400}(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'sonarqube-token', label: 'SonarQube token', envName: 'SONAR_TOKEN', anchors: ['squ_', 'sqp_', 'sqa_'], regex: /sq[upa]_[a-f0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'linear-api-key', label: 'Linear API key', envName: 'LINEAR_API_KEY', anchors: ['lin_api_'], regex: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'postman-api-key', label: 'Postman API key', envName: 'POSTMAN_API_KEY', anchors: ['PMAK-'], regex: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'sentry-auth-token', label: 'Sentry auth token', envName: 'SENTRY_AUTH_TOKEN', anchors: ['sntrys_', 'sntryu_'], regex: /sntry[su]_[A-Za-z0-9+/=_-]{40,400}(?![A-Za-z0-9+/=_-])/y, prefixLength: 7 },
  { id: 'doppler-token', label: 'Doppler token', envName: 'DOPPLER_TOKEN', anchors: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], regex: /dp\.(?:pt|st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/y, prefixLength: 6 },
  { id: 'pulumi-token', label: 'Pulumi access token', envName: 'PULUMI_ACCESS_TOKEN', anchors: ['pul-'], regex: /pul-[a-f0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'grafana-token', label: 'Grafana token', envName: 'GRAFANA_TOKEN', anchors: ['glsa_', 'glc_'], regex: /(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])/y, prefixLength: 5 },
  { id: 'new-relic-key', label: 'New Relic user API key', envName: 'NEW_RELIC_API_KEY', anchors: ['NRAK-'], regex: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'databricks-token', label: 'Databricks access token', envName: 'DATABRICKS_TOKEN', anchors: ['dapi'], regex: /dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'huggingface-token', label: 'Hugging Face access token', envName: 'HF_TOKEN', anchors: ['hf_'], regex: /hf_[A-Za-z]{34}(?![A-Za-z0-9])/y, prefixLength: 3 },
  { id: 'replicate-token', label: 'Replicate API token', envName: 'REPLICATE_API_TOKEN', anchors: ['r8_'], regex: /r8_[A-Za-z0-9]{37}(?![A-Za-z0-9])/y, prefixLength: 3 },
  { id: 'groq-api-key', label: 'Groq API key', envName: 'GROQ_API_KEY', anchors: ['gsk_'], regex: /gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'xai-api-key', label: 'xAI API key', envName: 'XAI_API_KEY', anchors: ['xai-'], regex: /xai-[A-Za-z0-9]{80}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'perplexity-api-key', label: 'Perplexity API key', envName: 'PERPLEXITY_API_KEY', anchors: ['pplx-'], regex: /pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'docker-hub-token', label: 'Docker Hub personal access token', envName: 'DOCKERHUB_TOKEN', anchors: ['dckr_pat_'], regex: /dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/y, prefixLength: 9 },
  { id: 'supabase-token', label: 'Supabase secret', envName: 'SUPABASE_SECRET', anchors: ['sbp_', 'sb_secret_'], regex: /(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'notion-token', label: 'Notion integration token', envName: 'NOTION_TOKEN', anchors: ['ntn_', 'secret_'], regex: /(?:ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'airtable-token', label: 'Airtable personal access token', envName: 'AIRTABLE_TOKEN', anchors: ['pat'], regex: /pat[A-Za-z0-9]{14}\.[a-f0-9]{64}(?![A-Za-z0-9])/y, prefixLength: 3 },
  { id: 'figma-token', label: 'Figma personal access token', envName: 'FIGMA_TOKEN', anchors: ['figd_'], regex: /figd_[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/y, prefixLength: 5 },
  { id: 'atlassian-token', label: 'Atlassian API token', envName: 'ATLASSIAN_API_TOKEN', anchors: ['ATATT3', 'ATBB'], regex: /(?:ATATT3[A-Za-z0-9_=-]{180,200}|ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_=-])/y, prefixLength: 4 },
  { id: 'square-token', label: 'Square access token', envName: 'SQUARE_ACCESS_TOKEN', anchors: ['EAAA', 'sq0atp-', 'sq0csp-'], regex: /(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'age-secret-key', label: 'age secret key', envName: 'AGE_SECRET_KEY', anchors: ['AGE-SECRET-KEY-1'], regex: /AGE-SECRET-KEY-1[0-9A-Z]{58}(?![A-Za-z0-9])/y, prefixLength: 16 },
  { id: 'netlify-token', label: 'Netlify access token', envName: 'NETLIFY_AUTH_TOKEN', anchors: ['nfp_'], regex: /nfp_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'rubygems-key', label: 'RubyGems API key', envName: 'GEM_HOST_API_KEY', anchors: ['rubygems_'], regex: /rubygems_[a-f0-9]{48}(?![A-Za-z0-9])/y, prefixLength: 9 },
  { id: 'buildkite-token', label: 'Buildkite API token', envName: 'BUILDKITE_API_TOKEN', anchors: ['bkua_'], regex: /bkua_[a-f0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'mapbox-secret-token', label: 'Mapbox secret token', envName: 'MAPBOX_SECRET_TOKEN', anchors: ['sk.eyJ'], regex: /sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,100}(?![A-Za-z0-9_-])/y, prefixLength: 3 },
  { id: 'shippo-token', label: 'Shippo live API token', envName: 'SHIPPO_API_TOKEN', anchors: ['shippo_live_'], regex: /shippo_live_[a-f0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 12 },
  { id: 'flutterwave-secret-key', label: 'Flutterwave secret key', envName: 'FLW_SECRET_KEY', anchors: ['FLWSECK-'], regex: /FLWSECK-[a-f0-9]{32}-X(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'contentful-token', label: 'Contentful personal access token', envName: 'CONTENTFUL_MANAGEMENT_TOKEN', anchors: ['CFPAT-'], regex: /CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, prefixLength: 6 },
  { id: 'tailscale-key', label: 'Tailscale key', envName: 'TS_AUTHKEY', anchors: ['tskey-'], regex: /tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}(?![A-Za-z0-9])/y, prefixLength: 11 },
  { id: 'dynatrace-token', label: 'Dynatrace API token', envName: 'DT_API_TOKEN', anchors: ['dt0c01.'], regex: /dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}(?![A-Za-z0-9])/y, prefixLength: 7 },
  { id: 'braintree-token', label: 'Braintree production access token', envName: 'BRAINTREE_ACCESS_TOKEN', anchors: ['access_token$production$'], regex: /access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}(?![A-Za-z0-9])/y, prefixLength: 24 },
  { id: 'onepassword-token', label: '1Password service account token', envName: 'OP_SERVICE_ACCOUNT_TOKEN', anchors: ['ops_eyJ'], regex: /ops_eyJ[A-Za-z0-9+/=_-]{100,1200}(?![A-Za-z0-9+/=_-])/y, prefixLength: 7 },
  { id: 'fly-token', label: 'Fly.io access token', envName: 'FLY_API_TOKEN', anchors: ['fo1_'], regex: /fo1_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'openrouter-api-key', label: 'OpenRouter API key', envName: 'OPENROUTER_API_KEY', anchors: ['sk-or-v1-'], regex: /sk-or-v1-[a-f0-9]{64}(?![A-Za-z0-9])/y, prefixLength: 9 },
  { id: 'sk-hex-api-key', label: 'API secret key (sk-…)', envName: 'API_SECRET_KEY', anchors: ['sk-'], regex: /sk-[a-f0-9]{32}(?![A-Za-z0-9_-])/y, prefixLength: 3 },
  { id: 'pinecone-api-key', label: 'Pinecone API key', envName: 'PINECONE_API_KEY', anchors: ['pcsk_'], regex: /pcsk_[A-Za-z0-9_]{40,120}(?![A-Za-z0-9_])/y, prefixLength: 5 },
  { id: 'langsmith-api-key', label: 'LangSmith API key', envName: 'LANGSMITH_API_KEY', anchors: ['lsv2_pt_', 'lsv2_sk_'], regex: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'brevo-api-key', label: 'Brevo (Sendinblue) API key', envName: 'BREVO_API_KEY', anchors: ['xkeysib-', 'xsmtpsib-'], regex: /x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'hubspot-token', label: 'HubSpot private app token', envName: 'HUBSPOT_ACCESS_TOKEN', anchors: ['pat-na1-', 'pat-na2-', 'pat-eu1-', 'pat-ap1-'], regex: /pat-(?:na1|na2|eu1|ap1)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9])/y, prefixLength: 8 },
  { id: 'planetscale-token', label: 'PlanetScale token or password', envName: 'PLANETSCALE_TOKEN', anchors: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'], regex: /pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}(?![A-Za-z0-9_.-])/y, prefixLength: 10 },
  { id: 'prefect-api-key', label: 'Prefect API key', envName: 'PREFECT_API_KEY', anchors: ['pnu_'], regex: /pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'adafruit-io-key', label: 'Adafruit IO key', envName: 'ADAFRUIT_IO_KEY', anchors: ['aio_'], regex: /aio_[A-Za-z0-9]{28}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'typeform-token', label: 'Typeform personal access token', envName: 'TYPEFORM_TOKEN', anchors: ['tfp_'], regex: /tfp_[A-Za-z0-9_-]{40,70}(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'readme-api-key', label: 'ReadMe API key', envName: 'README_API_KEY', anchors: ['rdme_'], regex: /rdme_[a-z0-9]{70}(?![A-Za-z0-9])/y, prefixLength: 5 },
  { id: 'render-api-key', label: 'Render API key', envName: 'RENDER_API_KEY', anchors: ['rnd_'], regex: /rnd_[A-Za-z0-9]{32}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'resend-api-key', label: 'Resend API key', envName: 'RESEND_API_KEY', anchors: ['re_'], regex: /re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![A-Za-z0-9_])/y, prefixLength: 3 },
  { id: 'jfrog-api-key', label: 'JFrog API key', envName: 'JFROG_API_KEY', anchors: ['AKCp'], regex: /AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'jfrog-reference-token', label: 'JFrog reference token', envName: 'JFROG_ACCESS_TOKEN', anchors: ['cmVmdGtuOjAxOj'], regex: /cmVmdGtuOjAxOj[A-Za-z0-9]{50}(?![A-Za-z0-9])/y, prefixLength: 14 },
  { id: 'alibaba-access-key-id', label: 'Alibaba Cloud AccessKey ID', envName: 'ALIBABA_CLOUD_ACCESS_KEY_ID', anchors: ['LTAI'], regex: /LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'tencent-secret-id', label: 'Tencent Cloud SecretId', envName: 'TENCENTCLOUD_SECRET_ID', anchors: ['AKID'], regex: /AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'meta-access-token', label: 'Facebook/Meta access token', envName: 'META_ACCESS_TOKEN', anchors: ['EAA'], regex: /EAA[A-Za-z0-9]{90,400}(?![A-Za-z0-9])/y, prefixLength: 4 },
  { id: 'google-oauth-refresh-token', label: 'Google OAuth refresh token', envName: 'GOOGLE_REFRESH_TOKEN', anchors: ['1//0'], regex: /1\/\/0[A-Za-z0-9_-]{40,250}(?![A-Za-z0-9_-])/y, prefixLength: 4 },
  { id: 'amazon-mws-token', label: 'Amazon MWS auth token', envName: 'MWS_AUTH_TOKEN', anchors: ['amzn.mws.'], regex: /amzn\.mws\.[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9])/y, prefixLength: 9 },
  { id: 'plaid-access-token', label: 'Plaid access token', envName: 'PLAID_ACCESS_TOKEN', anchors: ['access-production-', 'access-development-'], regex: /access-(?:production|development)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9])/y, prefixLength: 18 },
  { id: 'dropbox-token', label: 'Dropbox access token', envName: 'DROPBOX_ACCESS_TOKEN', anchors: ['sl.'], regex: /sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400}(?![A-Za-z0-9_-])/y, prefixLength: 3 },
  { id: 'launchdarkly-sdk-key', label: 'LaunchDarkly SDK key', envName: 'LAUNCHDARKLY_SDK_KEY', anchors: ['sdk-'], regex: /sdk-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9-])/y, prefixLength: 4 },
  { id: 'clickup-token', label: 'ClickUp personal API token', envName: 'CLICKUP_API_TOKEN', anchors: ['pk_'], regex: /pk_\d{6,10}_[A-Z0-9]{32}(?![A-Za-z0-9])/y, prefixLength: 3 },
  { id: 'intercom-token', label: 'Intercom access token', envName: 'INTERCOM_ACCESS_TOKEN', anchors: ['dG9rOm'], regex: /dG9rOm[A-Za-z0-9+/=_-]{30,100}(?![A-Za-z0-9+/=_-])/y, prefixLength: 6 },
  { id: 'nuget-api-key', label: 'NuGet API key', envName: 'NUGET_API_KEY', anchors: ['oy2'], regex: /oy2[a-z0-9]{43}(?![A-Za-z0-9])/y, prefixLength: 3 },
  { id: 'circleci-token', label: 'CircleCI personal API token', envName: 'CIRCLECI_TOKEN', anchors: ['CCIPAT_'], regex: /CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![A-Za-z0-9])/y, prefixLength: 7 },
];

/**
 * The body of a real token is random. Fakes typed by hand are not: 'ghp_xxxx…', 'sk_live_0000…',
 * 'npm_abcdefghijkl…', 'whsec_yourwebhooksecretgoeshere…'.
 */
export function tokenBodyLooksRandom(body: string): boolean {
  if (body.length < 8) return false;
  // Words in one case are the mark of a hand-made fake; a random body spells one by chance
  // (in a single case) with negligible probability.
  if (isDocumentedExample(body) || /example|xxxx|your|dummy|fake|test|sample|EXAMPLE|XXXX|YOUR|DUMMY|FAKE|TEST|SAMPLE/.test(body)) return false;
  const s = shapeOf(body);
  // Six repeats or a six-long sequence ('000000', 'abcdef'): typed, not generated. (Five occur
  // by chance in the numeric parts of Slack tokens and in long hex bodies.)
  if (s.longestRun >= 6 || s.longestSequence >= 6) return false;
  if (s.distinct < Math.min(10, body.length / 2)) return false;
  // Mixed-case alphabets switch case about every other character; single-case ones (base32,
  // hex) are checked for words instead ('yourstripekeygoeshere').
  if (isWordy(body)) return false;
  return s.lower === 0 || s.upper === 0 || s.alnumPairs < 12 || s.switches >= s.alnumPairs * 0.15;
}

export function tokenDetector(pattern: TokenPattern): Detector {
  return {
    id: pattern.id,
    anchors: pattern.anchors,
    detect(scan, at): SecretMatch | undefined {
      const { text } = scan;
      // Webhook URLs follow '://' or a '/'; tokens follow anything but a token character.
      const boundary = pattern.withScheme ? boundaryBefore(text, at, /[A-Za-z0-9.-]/) : boundaryBefore(text, at);
      if (!pattern.group && !boundary) return undefined;
      const m = stickyMatch(pattern.regex, text, at);
      if (!m) return undefined;
      let start = pattern.group ? at + m[0].indexOf(m[pattern.group]) : at;
      const value = pattern.group ? m[pattern.group] : m[0];
      const end = start + value.length;
      if (isDocumentedExample(value)) return undefined;
      if (!tokenBodyLooksRandom(value.slice(pattern.prefixLength ?? 0))) return undefined;
      if (pattern.withScheme) {
        if (text.startsWith('https://', start - 8)) start -= 8;
        else if (text.startsWith('http://', start - 7)) start -= 7;
      }
      const label = typeof pattern.label === 'string' ? pattern.label : pattern.label(value);
      return { start, end, label, envName: pattern.envName, detector: pattern.id, priority: PRIORITY.token };
    },
  };
}
