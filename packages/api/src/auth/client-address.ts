import { isIPv6 } from 'node:net';

/**
 * The key that sign-in failures from one client are counted under. An IPv4 address counts alone (also when it
 * arrives IPv4-mapped); an IPv6 address counts with its whole /64, because one subscriber usually holds a /64 and
 * could otherwise step to a fresh address for every guess.
 */
export const clientAddressKey = (ip: string | undefined): string => {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail stands for two groups; it never reaches into the first four.
  const backGroups = back.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - backGroups)).fill('0'), ...back];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
};
