import { wordSet } from "./lazy.js";

/**
 * Capitalised words that are never a person, place or organisation on their own, whatever a
 * name list says ("June", "August", "Florence" are names; "Monday" is a surname in some
 * lists). Days and months in the languages the gazetteers cover, greetings and sign-offs that
 * open a line, and interjections that social-media posts capitalise.
 */
export const calendarWords = wordSet(
  "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
  "january february march april may june july august september october november december",
  "jan feb mar apr jun jul aug sep sept oct nov dec",
  "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar februar märz mai juni juli oktober dezember",
  "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août septembre octobre novembre décembre",
  "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
  "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre",
  "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart mei augustus",
  "måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag",
  "christmas easter xmas halloween thanksgiving hanukkah ramadan diwali weihnachten ostern noël pâques navidad",
  "today tomorrow yesterday tonight morning evening afternoon weekend",
);

export const discourseWords = wordSet(
  "hi hello hey hiya dear greetings thanks thank thx cheers regards best sincerely yours kind warm love",
  "yes no ok okay yeah yep nope lol lmao rofl omg wtf btw imo imho tbh smh idk fyi asap rip xd xoxo",
  "wow oh ah uh um hmm haha hahaha hehe ugh yay nah aw aww please sorry welcome congrats congratulations",
  "hallo hej hei moi bonjour salut merci ciao grazie hola gracias danke bitte tschüss adiós",
  "re fwd fw subject note notes todo fixme warning error info debug tip attention important update",
  "i i'm i've i'll i'd",
  // Roles in chat transcripts and interviews: "Bot:", "User:", "Q:".
  "bot user assistant system agent customer support admin moderator operator interviewer host guest caller q a",
);

/**
 * Nationalities, languages and religions: capitalised, absent from the lower-case English
 * lists, and not names. The eval data marks them neutral; masking them would only cost meaning.
 */
export const nationalityWords = wordSet(
  "american americans british english scottish welsh irish canadian canadians australian mexican brazilian argentinian argentine chilean",
  "peruvian colombian venezuelan cuban jamaican haitian european europeans african africans asian asians arab arabs arabic",
  "german germans french spanish italian italians portuguese dutch flemish belgian swiss austrian danish danes swedish swedes",
  "norwegian norwegians finnish finns icelandic estonian latvian lithuanian polish poles czech slovak hungarian romanian bulgarian",
  "greek greeks turkish turks russian russians ukrainian belarusian serbian croatian bosnian slovenian albanian macedonian",
  "chinese japanese korean koreans vietnamese thai filipino indonesian malaysian indian indians pakistani bangladeshi nepali",
  "iranian persian iraqi syrian lebanese israeli israelis palestinian egyptian moroccan algerian tunisian nigerian kenyan",
  "ethiopian somali ghanaian south-african zulu xhosa latin latino latina latinos hispanic caucasian nordic scandinavian",
  "balkan slavic celtic anglo saxon catholic catholics protestant christian christians muslim muslims islamic jewish jews",
  "hindu hindus buddhist buddhists sikh atheist mormon orthodox evangelical quaker islam christianity judaism hinduism buddhism",
  "englisch deutsch deutsche französisch spanisch italienisch anglais allemand français espagnol italien inglés alemán",
  "francés español italiano inglese tedesco francese spagnolo engels duits frans spaans italiaans",
);

/**
 * Developer vocabulary that looks like a name or company when capitalised. The LESSONS file
 * records other gateways masking S3, C4 and EKS; these words keep developer prompts readable.
 * First names that are also languages (Julia, Ruby, Ada) are left out: they count as
 * ambiguous words instead, so "Julia Schmidt" is still a person.
 */
export const technologyWords = wordSet(
  "python java javascript typescript golang rust kotlin scala swift clojure haskell elixir erlang perl php lua dart fortran cobol pascal",
  "node nodejs deno bun npm pnpm yarn react reactjs vue vuejs angular svelte nextjs nuxt remix vite webpack babel rollup esbuild",
  "eslint prettier jest vitest mocha cypress playwright selenium puppeteer storybook tailwind bootstrap jquery redux zustand",
  "django flask fastapi rails laravel symfony spring express hono electron tauri flutter xamarin unity unreal godot",
  "docker kubernetes k8s helm istio terraform ansible puppet chef vagrant packer consul vault nomad jenkins travis circleci",
  "github gitlab bitbucket git svn mercurial jira confluence trello asana notion slack discord teams zoom webex skype",
  "aws gcp azure ec2 s3 eks ecs ecr iam vpc rds sqs sns lambda fargate cloudfront cloudwatch dynamodb route53 bigquery",
  "heroku vercel netlify cloudflare fly digitalocean linode supabase firebase appwrite",
  "postgres postgresql mysql mariadb sqlite mongodb mongo redis memcached cassandra elasticsearch opensearch kibana logstash",
  "kafka rabbitmq zeromq nats spark hadoop hive flink airflow dagster prefect celery snowflake databricks dbt",
  "prometheus grafana datadog sentry splunk newrelic pagerduty nginx apache tomcat caddy haproxy envoy traefik",
  "linux ubuntu debian fedora centos rhel arch alpine windows macos osx ios ipados android chromeos unix freebsd",
  "chrome chromium firefox safari edge opera brave vscode vim neovim emacs intellij pycharm webstorm xcode",
  "openai chatgpt gpt claude anthropic llama gemini mistral copilot ollama huggingface langchain llamaindex pytorch tensorflow",
  "keras numpy pandas scipy sklearn matplotlib jupyter conda pip poetry virtualenv",
  "json yaml toml xml html css scss sass csv sql graphql grpc rest soap http https tcp udp dns ssh tls ssl api sdk cli gui ui ux",
  "cpu gpu ram ssd usb wifi bluetooth ci cd devops mlops saas paas iaas crud orm jwt oauth saml ldap sso",
  "iban bic swift ssn pin cvv cvc atm vat gdpr hipaa kyc",
  "excel powerpoint outlook onedrive sharepoint gmail gdrive dropbox icloud photoshop illustrator figma sketch canva",
  "youtube twitter facebook instagram tiktok reddit linkedin whatsapp telegram snapchat pinterest twitch netflix spotify",
  "iphone ipad macbook imac airpods pixel galaxy kindle xbox playstation nintendo minecraft fortnite",
);
