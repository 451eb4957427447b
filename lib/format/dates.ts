// Display formats, fixed to one locale and time zone so that server-rendered dates never differ
// between the server and the reader's browser.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export const formatDate = (date: Date | string) => dateFormat.format(new Date(date));
export const formatDateTime = (date: Date | string) => `${dateTimeFormat.format(new Date(date))} UTC`;
/** ISO date (yyyy-mm-dd) for `<time dateTime>`. */
export const isoDate = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
