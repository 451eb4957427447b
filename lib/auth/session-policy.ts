// Session lifetimes (decision 003). Absolute: a session ends this long after sign-in whatever happens.
const minutes = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const sessionPolicy = {
  absoluteSeconds: minutes("SESSION_ABSOLUTE_MINUTES", 12 * 60) * 60,
  idleSeconds: minutes("SESSION_IDLE_MINUTES", 30) * 60,
};
