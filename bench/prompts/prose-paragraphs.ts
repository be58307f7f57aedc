/**
 * Ordinary English prose with nothing personal in it: no names, numbers, addresses or keys.
 * The privacy path then scans every byte and finds nothing, which is the common case the
 * benchmark is about. ASCII only, so a prompt's length in characters is its size in bytes.
 */
export const proseParagraphs: readonly string[] = [
  "The old library on the hill was rebuilt after the flood, and the architects kept the reading room exactly where it had always been. " +
    "Tall windows face the river, so the light moves across the long tables through the afternoon. " +
    "Visitors often say the room feels quieter than it should, as if the thick walls remember the water and hold their breath. " +
    "The staff moved the rare books to the upper floor, where the air is drier and the shelves can be closed against dust.",
  "A good sourdough starter needs very little: flour, water, a warm corner and patience. " +
    "Most bakers feed it once a day at first, discarding half before each feeding so the culture does not grow sour and sluggish. " +
    "After a week the surface should be dotted with bubbles and the smell should turn from sharp to pleasantly tangy. " +
    "If a grey liquid collects on top, the starter is simply hungry; stir it back in, feed it, and keep it a little warmer.",
  "Planning a release is mostly about deciding what not to ship. " +
    "The team lists every change that is ready, then asks which of them could surprise a user who never reads the notes. " +
    "Those changes get a flag, a short explanation in the product itself, and a way back for anyone who prefers the old behaviour. " +
    "Everything else goes out quietly, and the team watches the error reports for a few days before starting the next round.",
  "In late autumn the marsh birds gather on the shallow lakes before flying south. " +
    "From the wooden hide at the edge of the reeds you can watch whole flocks settle at dusk, calling to each other until the light is gone. " +
    "Volunteers count them every weekend and compare the totals with earlier years, which is how the reserve noticed that some species now arrive weeks later than they used to. " +
    "Nobody is sure yet whether the change is good news.",
  "Repairing a wooden chair starts with taking it apart, which is harder than it sounds. " +
    "Old glue turns brittle but still grips, so the joints have to be softened with warm water and coaxed loose with a rubber mallet. " +
    "Each part is cleaned, the broken spindle is copied on a lathe, and the whole chair is dry-fitted before any new glue is used. " +
    "Clamped overnight and waxed the next morning, it is often sturdier than it was when it left the workshop.",
  "The city bus network was redrawn last year around a simple idea: frequent lines that run straight, rather than many lines that wander. " +
    "Riders now walk a little further to a stop, but they rarely wait long and seldom need a timetable. " +
    "The planners admit the change was unpopular in its first months, especially in the hillside neighbourhoods. " +
    "Ridership has since grown on most routes, and the complaints have shifted from the map to the state of the shelters.",
  "Writing clear documentation is a matter of respecting the reader's time. " +
    "Start with what the reader wants to do, show the shortest path that works, and only then explain the options and the reasons behind them. " +
    "Examples should run as written, and error messages should say what happened and what to try next. " +
    "A page that answers one question well is worth more than a long page that mentions every question once.",
  "The vegetable garden behind the school is tended by the pupils themselves, one class for each bed. " +
    "They choose what to grow in spring, keep a diary of the weather, and learn quickly that slugs are more punctual than any teacher. " +
    "In summer the beds are watered by whoever lives nearby, and in autumn the harvest is cooked in the school kitchen for a shared lunch. " +
    "The beans are always the most popular crop, mostly because they grow so fast.",
  "Cold-water swimming has become popular along the coast, and the morning groups have grown every winter. " +
    "Regular swimmers say the first minute is the hardest and the walk back up the beach is the best part. " +
    "The lifeguards ask newcomers to stay close to the shore, to swim with others, and to get out long before they feel numb. " +
    "A flask of tea and a thick towel are considered essential, and nobody is expected to stay in for long.",
  "Maintaining an old railway line takes more work than most passengers imagine. " +
    "Sleepers rot, ballast settles, drainage ditches fill with leaves, and every bridge needs to be inspected on a regular cycle. " +
    "Much of this happens at night, when the trains stop running and small crews walk the track with lamps and measuring gauges. " +
    "By morning the only sign of their work is a smoother ride and a neat pile of old timber beside the line.",
];

/** The last paragraph of every prompt: the benchmark upstream echoes it back in its answer. */
export const closingRequest = "Please summarise the text above in three short sentences for a general reader.";
