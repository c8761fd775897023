/** A traffic selector that covers every address: a route-based tunnel's selector. */
export const isAnyNetwork = (cidr: string) => cidr === "0.0.0.0/0" || cidr === "::/0";
