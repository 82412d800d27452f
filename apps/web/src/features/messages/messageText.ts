import type { Conversation } from "@stave/contracts";

/** How a person is named: their display name, else their username. */
export const personName = (person: Conversation["with"]) => person.displayName ?? person.username;

/** "12 / 4,000". */
export const formatCount = (count: number) => count.toLocaleString("en");
