import { describe, expect, it } from "vitest";
import { pictureName, wrap } from "./listingPicture";

describe("the listing picture", () => {
  it("wraps words to the width and keeps a long word whole", () => {
    const measure = (s: string) => s.length * 10;
    expect(wrap(measure, "one two three four", 90)).toEqual(["one two", "three", "four"]);
    expect(wrap(measure, "supercalifragilistic", 50)).toEqual(["supercalifragilistic"]);
    expect(wrap(measure, "a\nb", 100)).toEqual(["a", "b"]);
  });
  it("names the file after the integration, theme and scale", () => {
    expect(pictureName("Acme Log Shipper", "dark", 2)).toBe("acme-log-shipper-listing-dark@2x.png");
    expect(pictureName("  ", "light", 1)).toBe("integration-listing-light@1x.png");
  });
});
