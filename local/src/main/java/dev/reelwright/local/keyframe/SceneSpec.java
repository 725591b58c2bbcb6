package dev.reelwright.local.keyframe;

import dev.reelwright.core.model.Mood;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a prompt asks to see, read from its words: time of day, setting, things in the picture, weather. */
final class SceneSpec {
    enum Time { DAWN, MORNING, NOON, SUNSET, NIGHT }

    enum Setting { SEA, LAKE, MOUNTAIN, HILLS, CLIFF, CITY, VILLAGE, FOREST, DESERT, FIELD, SNOW, BEACH, INDOOR, KITCHEN, OFFICE }

    enum Thing {
        LIGHTHOUSE, TREE, HOUSE, BOAT, SHIP, BIRDS, SUN, MOON, STARS, CLOUDS, PERSON, ROAD, TOWER, BRIDGE, WINDOW,
        LAMP, FLOWERS, DESK, BOOKS, COMPUTER, PLANT, CUP, BEAM, LIGHTNING, ROCKS
    }

    enum Weather { FOG, RAIN, STORM, SNOWFALL, OVERCAST, CLEAR }

    final String prompt;
    final Mood mood;
    final Time time;
    final boolean timeExplicit;
    final Set<Setting> settings;
    final Set<Thing> things;
    final Set<Weather> weather;
    /** Close-up or detail shot: the main object is drawn large. */
    final boolean closeUp;
    /** Aerial or bird's-eye view: a higher horizon. */
    final boolean aerial;
    /** Several of a thing ("houses", "boats", "trees"). */
    final Set<Thing> plural;

    private SceneSpec(String prompt, Mood mood, Time time, boolean timeExplicit, Set<Setting> settings, Set<Thing> things,
            Set<Weather> weather, boolean closeUp, boolean aerial, Set<Thing> plural) {
        this.prompt = prompt;
        this.mood = mood;
        this.time = time;
        this.timeExplicit = timeExplicit;
        this.settings = settings;
        this.things = things;
        this.weather = weather;
        this.closeUp = closeUp;
        this.aerial = aerial;
        this.plural = plural;
    }

    boolean has(Setting s) {
        return settings.contains(s);
    }

    boolean has(Thing t) {
        return things.contains(t);
    }

    boolean has(Weather w) {
        return weather.contains(w);
    }

    boolean indoor() {
        return settings.contains(Setting.INDOOR);
    }

    boolean water() {
        return settings.contains(Setting.SEA) || settings.contains(Setting.LAKE);
    }

    /** The same scene seen from outdoors: what a window of an indoor scene shows. */
    SceneSpec outdoorView() {
        EnumSet<Setting> out = EnumSet.noneOf(Setting.class);
        for (Setting s : settings) {
            if (s != Setting.INDOOR && s != Setting.KITCHEN && s != Setting.OFFICE) out.add(s);
        }
        if (out.isEmpty()) out.add(Setting.HILLS);
        EnumSet<Thing> sky = EnumSet.noneOf(Thing.class);
        for (Thing t : things) {
            if (t == Thing.SUN || t == Thing.MOON || t == Thing.STARS || t == Thing.CLOUDS || t == Thing.BIRDS
                    || t == Thing.LIGHTHOUSE || t == Thing.BOAT || t == Thing.SHIP) sky.add(t);
        }
        return new SceneSpec(prompt, mood, time, timeExplicit, out, sky, weather, false, false, EnumSet.noneOf(Thing.class));
    }

    private static final Map<String, Object> WORDS = new HashMap<>();
    private static final Map<String, Object[]> EXTRA = new HashMap<>();

    private static void words(Object meaning, String... words) {
        for (String w : words) {
            if (WORDS.put(w, meaning) != null) throw new IllegalStateException("keyword twice: " + w);
        }
    }

    private static void extra(String word, Object... meanings) {
        EXTRA.put(word, meanings);
    }

    static {
        words(Time.DAWN, "dawn", "sunrise", "daybreak", "sunup", "predawn");
        words(Time.MORNING, "morning", "breakfast");
        words(Time.NOON, "noon", "midday", "afternoon", "daylight", "daytime", "sunny", "day");
        words(Time.SUNSET, "sunset", "dusk", "evening", "twilight", "sundown");
        words(Time.NIGHT, "night", "midnight", "nighttime", "tonight", "nocturnal");

        words(Setting.SEA, "sea", "ocean", "harbour", "harbor", "wave", "seaside", "bay", "port", "pier", "marina", "surf",
                "tide", "sailor", "seascape", "water", "nautical", "sailing");
        words(Setting.BEACH, "beach", "shore", "shoreline", "seashore");
        words(Setting.LAKE, "lake", "river", "pond", "stream", "creek", "lagoon");
        words(Setting.MOUNTAIN, "mountain", "peak", "summit", "alp", "alps", "alpine", "ridge", "canyon", "volcano", "mountainside");
        words(Setting.HILLS, "hill", "valley", "countryside", "hillside");
        words(Setting.CLIFF, "cliff", "headland", "bluff", "coast", "coastal", "coastline", "rocky", "promontory");
        words(Setting.CITY, "city", "skyline", "building", "downtown", "urban", "skyscraper", "avenue", "metropolis", "neon",
                "rooftop", "rooftops");
        words(Setting.VILLAGE, "town", "village", "hamlet", "cottages");
        words(Setting.FOREST, "forest", "woods", "woodland", "jungle", "pine", "grove", "trees", "orchard");
        words(Setting.DESERT, "desert", "dune", "sahara", "cactus", "arid", "mesa");
        words(Setting.FIELD, "field", "meadow", "farm", "grassland", "prairie", "pasture", "wheat", "park", "grass", "lawn", "grassy");
        words(Setting.SNOW, "snow", "snowy", "winter", "ice", "icy", "frozen", "glacier", "arctic", "frost", "frosty");
        words(Setting.INDOOR, "room", "indoor", "indoors", "interior", "bedroom", "studio", "library", "cafe", "classroom",
                "workshop", "inside", "hallway", "livingroom");
        words(Setting.KITCHEN, "kitchen", "kitchens");
        words(Setting.OFFICE, "office", "study", "desk", "workspace", "workplace", "logbook");

        words(Thing.LIGHTHOUSE, "lighthouse", "beacon");
        words(Thing.TREE, "tree", "oak", "willow", "maple");
        words(Thing.HOUSE, "house", "cottage", "cabin", "home", "farmhouse", "barn", "hut", "houses");
        words(Thing.BOAT, "boat", "sailboat", "yacht", "canoe", "fishing", "sail", "rowboat", "boats");
        words(Thing.SHIP, "ship", "vessel", "ferry", "freighter", "steamer", "ships");
        words(Thing.BIRDS, "bird", "gull", "seagull", "flock", "birds", "gulls", "seagulls", "swallow", "crow");
        words(Thing.SUN, "sun", "sunshine", "sunlight", "sunlit", "sunbeam");
        words(Thing.MOON, "moon", "moonlight", "moonlit", "moonrise", "lunar");
        words(Thing.STARS, "star", "starry", "starlit", "starlight", "galaxy", "milky", "constellation", "stars");
        words(Thing.CLOUDS, "cloud", "cloudy", "clouds");
        words(Thing.PERSON, "person", "figure", "man", "woman", "child", "people", "someone", "silhouette", "girl", "boy",
                "traveler", "traveller", "walker", "hiker", "fisherman", "keeper", "stranger", "wanderer");
        words(Thing.ROAD, "road", "path", "highway", "lane", "trail", "street", "alley", "track", "roads", "streets");
        words(Thing.TOWER, "tower", "castle", "spire", "church", "steeple", "clocktower");
        words(Thing.BRIDGE, "bridge", "viaduct", "bridges");
        words(Thing.WINDOW, "window", "windows", "windowsill");
        words(Thing.LAMP, "lamp", "lantern", "streetlight", "streetlamp", "lamppost", "candle", "lamps", "lanterns");
        words(Thing.FLOWERS, "flower", "bloom", "blossom", "garden", "tulip", "poppy", "wildflower", "flowers", "daisy");
        words(Thing.DESK, "table", "workbench");
        words(Thing.BOOKS, "book", "books", "bookshelf", "shelf", "shelves", "notebook", "journal");
        words(Thing.COMPUTER, "computer", "laptop", "screen", "monitor");
        words(Thing.PLANT, "plant", "plants", "houseplant", "fern");
        words(Thing.CUP, "cup", "mug", "coffee", "tea");
        words(Thing.BEAM, "beam", "beams", "searchlight");
        words(Thing.LIGHTNING, "lightning", "thunderbolt");
        words(Thing.ROCKS, "rock", "rocks", "boulder", "boulders");

        words(Weather.FOG, "fog", "foggy", "mist", "misty", "haze", "hazy", "smoke");
        words(Weather.RAIN, "rain", "rainy", "raining", "drizzle", "rainfall", "downpour", "wet");
        words(Weather.STORM, "storm", "stormy", "thunder", "tempest", "gale");
        words(Weather.SNOWFALL, "snowing", "snowfall", "blizzard", "snowflake", "snowflakes");
        words(Weather.OVERCAST, "overcast", "grey", "gray", "gloomy", "dull", "dreary");
        words(Weather.CLEAR, "clear", "cloudless", "bright");

        extra("snowfall", Setting.SNOW);
        extra("blizzard", Setting.SNOW);
        extra("skyscraper", Thing.WINDOW);
        extra("kitchen", Setting.INDOOR);
        extra("kitchens", Setting.INDOOR);
        extra("office", Setting.INDOOR);
        extra("study", Setting.INDOOR, Thing.BOOKS);
        extra("desk", Setting.INDOOR, Thing.DESK);
        extra("workspace", Setting.INDOOR, Thing.DESK);
        extra("workplace", Setting.INDOOR, Thing.DESK);
        extra("logbook", Setting.INDOOR, Thing.DESK, Thing.BOOKS);
        extra("library", Thing.BOOKS);
        extra("cafe", Thing.CUP, Thing.DESK);
        extra("workbench", Setting.INDOOR);
        extra("storm", Thing.CLOUDS);
        extra("stormy", Thing.CLOUDS);
        extra("thunder", Thing.LIGHTNING);
        extra("harbour", Thing.BOAT, Setting.VILLAGE);
        extra("harbor", Thing.BOAT, Setting.VILLAGE);
        extra("marina", Thing.BOAT);
        extra("pier", Thing.BRIDGE);
        extra("town", Thing.HOUSE);
        extra("village", Thing.HOUSE);
        extra("hamlet", Thing.HOUSE);
        extra("cottages", Thing.HOUSE);
        extra("street", Setting.CITY, Thing.LAMP);
        extra("streets", Setting.CITY, Thing.LAMP);
        extra("alley", Setting.CITY);
        extra("avenue", Thing.ROAD);
        extra("highway", Setting.FIELD);
        extra("oak", Setting.FIELD);
        extra("farmhouse", Setting.FIELD);
        extra("barn", Setting.FIELD);
        extra("moonlit", Time.NIGHT);
        extra("starlit", Time.NIGHT);
        extra("starry", Time.NIGHT);
        extra("galaxy", Time.NIGHT);
        extra("milky", Time.NIGHT);
        extra("constellation", Time.NIGHT);
        extra("neon", Time.NIGHT);
        extra("streetlight", Thing.ROAD);
        extra("beacon", Thing.BEAM);
        extra("fisherman", Thing.BOAT);
        extra("sailor", Thing.BOAT);
        extra("glacier", Setting.MOUNTAIN);
        extra("alpine", Setting.SNOW);
        extra("canyon", Setting.DESERT);
        extra("mesa", Setting.MOUNTAIN);
        extra("orchard", Thing.TREE);
        extra("garden", Setting.FIELD);
        extra("park", Thing.TREE);
    }

    static SceneSpec read(String prompt, Mood mood) {
        String text = prompt.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else {
                if (!word.isEmpty()) tokens.add(word.toString());
                word.setLength(0);
            }
        }
        Time time = null;
        boolean sunRising = false;
        EnumSet<Setting> settings = EnumSet.noneOf(Setting.class);
        EnumSet<Thing> things = EnumSet.noneOf(Thing.class);
        EnumSet<Weather> weather = EnumSet.noneOf(Weather.class);
        EnumSet<Thing> plural = EnumSet.noneOf(Thing.class);
        Time impliedTime = null;
        for (String token : tokens) {
            Object meaning = lookup(token);
            List<Object> meanings = new ArrayList<>();
            if (meaning != null) meanings.add(meaning);
            Object[] more = EXTRA.get(token);
            if (more == null && meaning != null) more = EXTRA.get(singular(token));
            if (more != null) meanings.addAll(List.of(more));
            for (Object m : meanings) {
                switch (m) {
                    case Time t -> {
                        if (meaning == m) {
                            if (time == null) time = t;
                        } else if (impliedTime == null) {
                            impliedTime = t;
                        }
                    }
                    case Setting s -> settings.add(s);
                    case Thing t -> {
                        things.add(t);
                        if (token.endsWith("s") && !token.endsWith("ss") && meaning == m && token.length() > 3) plural.add(t);
                    }
                    case Weather w -> weather.add(w);
                    default -> throw new IllegalStateException();
                }
            }
            if (token.equals("rises") || token.equals("rising") || token.equals("rise")) sunRising = true;
        }
        if (text.contains("bird's") || text.contains("birds-eye") || text.contains("birdseye")) things.remove(Thing.BIRDS);
        boolean closeUp = text.contains("close-up") || text.contains("close up") || text.contains("closeup")
                || text.contains("detail") || text.contains("macro");
        boolean aerial = text.contains("aerial") || text.contains("bird's") || text.contains("birds-eye")
                || text.contains("overhead") || text.contains("from above") || text.contains("drone");

        boolean explicit = time != null;
        if (time == null) {
            if (impliedTime != null) time = impliedTime;
            else if (things.contains(Thing.SUN) && sunRising) time = Time.DAWN;
            else if (things.contains(Thing.STARS) || things.contains(Thing.MOON)) time = Time.NIGHT;
            else if (things.contains(Thing.LIGHTNING) || weather.contains(Weather.STORM)) time = Time.SUNSET;
        }
        if (time == null) {
            time = switch (mood) {
                case CALM -> Time.MORNING;
                case HOPEFUL -> Time.DAWN;
                case JOYFUL -> Time.NOON;
                case DRAMATIC -> Time.SUNSET;
                case TENSE -> Time.SUNSET;
                case MYSTERIOUS -> Time.NIGHT;
                case SOMBER -> Time.MORNING;
            };
            if (things.contains(Thing.SUN) && time == Time.NIGHT) time = Time.SUNSET;
        }
        if (weather.contains(Weather.STORM)) weather.add(Weather.OVERCAST);
        if (settings.contains(Setting.KITCHEN) || settings.contains(Setting.OFFICE)) settings.add(Setting.INDOOR);

        // Things that need a place: a lighthouse or a boat with no setting stands by the sea.
        boolean anyLand = settings.stream().anyMatch(s -> s != Setting.INDOOR && s != Setting.KITCHEN && s != Setting.OFFICE
                && s != Setting.SNOW);
        if (!settings.contains(Setting.INDOOR)) {
            if ((things.contains(Thing.LIGHTHOUSE) && !anyLand) || ((things.contains(Thing.BOAT) || things.contains(Thing.SHIP))
                    && !settings.contains(Setting.LAKE))) {
                settings.add(Setting.SEA);
            }
            if (settings.contains(Setting.SEA) && things.contains(Thing.LIGHTHOUSE)) settings.add(Setting.CLIFF);
            if (settings.contains(Setting.BEACH) && !settings.contains(Setting.LAKE)) settings.add(Setting.SEA);
        }
        if (things.contains(Thing.BEAM) && !things.contains(Thing.LIGHTHOUSE) && !settings.contains(Setting.INDOOR)
                && settings.contains(Setting.SEA)) {
            things.add(Thing.LIGHTHOUSE);
            settings.add(Setting.CLIFF);
        }
        return new SceneSpec(prompt, mood, time, explicit, settings, things, weather, closeUp, aerial, plural);
    }

    private static Object lookup(String token) {
        Object m = WORDS.get(token);
        if (m != null) return m;
        if (token.endsWith("ies")) {
            m = WORDS.get(token.substring(0, token.length() - 3) + "y");
            if (m != null) return m;
        }
        if (token.endsWith("es")) {
            m = WORDS.get(token.substring(0, token.length() - 2));
            if (m != null) return m;
        }
        if (token.endsWith("s")) return WORDS.get(token.substring(0, token.length() - 1));
        return null;
    }

    private static String singular(String token) {
        return token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
    }

    @Override
    public String toString() {
        return "SceneSpec[" + time + (timeExplicit ? "" : "?") + " " + settings + " " + things + " " + weather
                + (closeUp ? " close-up" : "") + (aerial ? " aerial" : "") + "]";
    }
}
