/**
 * Who is calling the web server: the socket's address, or, behind proxies the deployment
 * trusts, the address they say they forwarded for. A client-sent X-Forwarded-For is never
 * believed on its own: anyone can write one, and the gateway throttles sign-ins by address.
 */

/** Which peers may tell us, in X-Forwarded-For, who they forwarded for. */
export type TrustedProxies = (address: string) => boolean;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * TRUST_PROXY as the gateway reads it (Express's "trust proxy"): `false` (the default: trust
 * nobody), `true` (trust every hop), or a comma list of addresses and `loopback`.
 */
export function trustedProxies(setting = 'false'): TrustedProxies {
  const value = setting.trim();
  if (value === 'false' || value === '') return () => false;
  if (value === 'true') return () => true;
  const names = value.split(',').map(plain);
  for (const name of names)
    if (name !== 'loopback' && !/^[\d.]+$|^[\da-f:]+$/i.test(name))
      throw new Error(
        `TRUST_PROXY: "${name}" is not an address; use false, true, loopback or a comma list of addresses.`,
      );
  return (address) => {
    const peer = plain(address);
    return names.some((name) => (name === 'loopback' ? LOOPBACK.test(peer) : name === peer));
  };
}

/**
 * The client's address: from the socket inwards, each trusted hop hands over to the address it
 * forwarded for (right to left in X-Forwarded-For); the first untrusted one is the client.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  const hops = [
    plain(socketAddress),
    ...(forwardedFor ?? '')
      .split(',')
      .map(plain)
      .filter((hop) => hop.length > 0)
      .reverse(),
  ];
  let index = 0;
  while (index < hops.length - 1 && trusted(hops[index]!)) index++;
  return hops[index]!;
}
