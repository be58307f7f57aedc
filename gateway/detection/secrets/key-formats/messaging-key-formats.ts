import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";
import { hasDigitAndLetter, startsWithEncodedNumber } from "./key-checks.js";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Chat, messaging and e-mail services, webhooks included: a webhook URL is its own credential. */
export const messagingKeyFormats: readonly KeyFormat[] = [
  keyFormat("slack-token", ["xox"], `${tokenStart}xox[abposrecd]-[A-Za-z0-9%-]{10,250}`, hasDigitAndLetter),
  keyFormat("slack-configuration-token", ["xoxe."], `${tokenStart}xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,}`),
  keyFormat("slack-app-token", ["xapp-"], `${tokenStart}xapp-[A-Za-z0-9/-]{20,}`, hasDigitAndLetter),
  keyFormat("slack-webhook", ["hooks.slack.com"], "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}"),
  keyFormat("discord-bot-token", [], `${tokenStart}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}${tokenEndWithDash}`, startsWithEncodedNumber),
  keyFormat("discord-webhook", ["discord"], "https?://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{60,}"),
  keyFormat("telegram-bot-token", [":aa"], `${tokenStart}\\d{8,10}:AA[A-Za-z0-9_-]{30,34}${tokenEndWithDash}`),
  keyFormat("twilio-api-key", [], `${tokenStart}SK[0-9a-fA-F]{32}${tokenEnd}`, hasDigitAndLetter),
  // Office 365 connectors name themselves in the path: `IncomingWebhook`, `JenkinsCI`, …; each
  // such URL lets anyone who holds it post to the channel.
  keyFormat(
    "microsoft-teams-webhook",
    ["/webhook"],
    `https://[A-Za-z0-9.-]*office(?:365)?\\.com/webhook(?:b2)?/${uuid}(?:@|%40|%2540)${uuid}/[A-Za-z][A-Za-z0-9]{1,40}/[0-9a-f]{32}/${uuid}`,
  ),
  keyFormat("sendgrid-api-key", ["sg."], `${tokenStart}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${tokenEndWithDash}`),
  keyFormat("mailgun-api-key", ["key-"], `${tokenStart}key-[0-9a-f]{32}${tokenEnd}`),
  keyFormat("mailchimp-api-key", ["-us"], `-us(?<=${tokenStart}(?<head>[0-9a-f]{32})-us)\\d{1,2}${tokenEnd}`),
  keyFormat("brevo-api-key", ["xkeysib-", "xsmtpsib-"], `${tokenStart}x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}${tokenEnd}`),
];
