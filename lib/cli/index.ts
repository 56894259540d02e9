// npm run cli -- <command>. Commands:
//   totp <user name>   the current security code of a demo account (for signing in to the demo)
//   api-key            the demo system client's API key
import { generate } from 'otplib';
import { DEMO_ACCOUNTS } from '@/db/seed/demo-accounts';
import { demoApiClient, demoTotpSecret } from '@/db/seed/demo-credentials';

const [command, ...args] = process.argv.slice(2);

async function totp(username: string | undefined) {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account || account.tokenNotEnrolled) {
    const names = DEMO_ACCOUNTS.filter((a) => !a.tokenNotEnrolled).map((a) => a.username).join(', ');
    console.error(`Give the user name of a demo account with a security token: ${names}`);
    process.exit(2);
  }
  const code = await generate({ secret: demoTotpSecret(account.username) });
  const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`${code}  (for ${account.username}; changes in ${secondsLeft} s)`);
}

switch (command) {
  case 'totp':
    await totp(args[0]);
    break;
  case 'api-key':
    console.log(demoApiClient().key);
    break;
  default:
    console.error('Usage: npm run cli -- totp <user name> | api-key');
    process.exit(2);
}
