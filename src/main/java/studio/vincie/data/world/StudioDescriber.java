package studio.vincie.data.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns a scene-graph change into an edit instruction a person might type: from the scene before, the
 * scene after and the event, one of several phrasings per event type (at least three each), naming
 * objects with {@link ObjectReferrer} in the scene before (the picture the user looks at).
 * {@link #phrasings} lists every phrasing for an event; {@link #describe} picks one with the given
 * random source, so a seeded caller gets reproducible text.
 */
public final class StudioDescriber {

    /** Where an object added over another sits on it, by {@link SceneSampler#octant}. */
    private static final String[] SIDES = {"right", "bottom right", "bottom", "bottom left", "left", "top left", "top",
        "top right"};

    private StudioDescriber() {
    }

    /** One instruction for the change, chosen at random among the phrasings and references. */
    public static Instruction describe(Scene before, Scene after, Event event, SplittableRandom rnd) {
        List<String> all = phrasings(before, after, event, rnd);
        return new Instruction(all.get(rnd.nextInt(all.size())), event.type().category());
    }

    /**
     * One instruction for several events in a row (frames that bracket more than one change): the
     * single instructions joined with "then", each naming objects in the scene before its own event.
     * The category is the first event's.
     */
    public static Instruction describeSequence(List<EventSpan> spans, SplittableRandom rnd) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("give at least one event to describe");
        }
        StringBuilder text = new StringBuilder();
        for (EventSpan s : spans) {
            String one = describe(s.before(), s.after(), s.event(), rnd).text();
            if (text.length() > 0) {
                text.append(", then ").append(one.substring(0, 1).toLowerCase(Locale.ROOT)).append(one.substring(1));
            } else {
                text.append(one);
            }
        }
        return new Instruction(text.toString(), spans.get(0).event().type().category());
    }

    /** Every phrasing of the change (references drawn with {@code rnd}; null = always the first). */
    public static List<String> phrasings(Scene before, Scene after, Event event, SplittableRandom rnd) {
        List<String> t = templates(before, event, rnd, after);
        List<String> out = new ArrayList<>();
        for (String s : t) {
            out.add(capitalise(s));
        }
        return out;
    }

    private static List<String> templates(Scene before, Event event, SplittableRandom rnd, Scene after) {
        if (event instanceof Event.Appear e) {
            String a = "a " + sizeWord(e.object().size()) + " " + e.object().color().word() + " "
                    + e.object().shape().word();
            SceneObject under = SceneSampler.overlapped(before, e.object());
            if (under != null) {
                String r = ref(before, under.id(), rnd);
                String side = SIDES[SceneSampler.octant(under, e.object())];
                return List.of("add " + a + " over the " + side + " of " + r, "put " + a + " over " + r + ", on its " + side,
                        "place " + a + " just over the " + side + " of " + r, "draw " + a + " over " + r + ", at its " + side);
            }
            String where = place(after, e.object());
            return List.of("add " + a + " " + where, "put " + a + " " + where, "place " + a + " " + where,
                    "draw " + a + " " + where);
        }
        if (event instanceof Event.Disappear e) {
            String r = ref(before, e.id(), rnd);
            return List.of("remove " + r, "delete " + r, "take away " + r, "get rid of " + r, "erase " + r);
        }
        if (event instanceof Event.Recolor e) {
            String r = ref(before, e.id(), rnd);
            String c = e.to().word();
            return List.of("make " + r + " " + c, "change the color of " + r + " to " + c, "paint " + r + " " + c,
                    "turn " + r + " " + c, "recolor " + r + " " + c);
        }
        if (event instanceof Event.Move e) {
            String r = ref(before, e.id(), rnd);
            String dir = e.direction().dx() != 0 ? "to the " + e.direction().word() : e.direction().word();
            String[] dist = e.distance() == Distance.A_LITTLE ? new String[] {"a little", "slightly", "a bit"}
                    : new String[] {"far", "a long way", "a lot"};
            return List.of("move " + r + " " + dist[0] + " " + dir, "shift " + r + " " + dir + " " + dist[1],
                    "slide " + r + " " + dir + " " + dist[2], "push " + r + " " + dist[0] + " " + dir);
        }
        if (event instanceof Event.Resize e) {
            String r = ref(before, e.id(), rnd);
            String to = sizeWord(Size.of(e.toScale()));
            return e.toScale() > e.fromScale()
                    ? List.of("make " + r + " bigger", "enlarge " + r, "scale up " + r, "make " + r + " " + to,
                    "grow " + r + " to " + to)
                    : List.of("make " + r + " smaller", "shrink " + r, "scale down " + r, "make " + r + " " + to,
                    "reduce " + r + " to " + to);
        }
        if (event instanceof Event.Rotate e) {
            String r = ref(before, e.id(), rnd);
            String way = e.degrees() > 0 ? "clockwise" : "counterclockwise";
            long n = Math.round(Math.abs(e.degrees()));
            List<String> out = new ArrayList<>(List.of("rotate " + r + " " + n + " degrees " + way,
                    "turn " + r + " " + way + " by " + n + " degrees", "tilt " + r + " " + n + " degrees " + way,
                    "spin " + r + " " + way + " by " + n + " degrees"));
            if (n == 90) {
                out.add("give " + r + " a quarter turn " + way);
            }
            return out;
        }
        if (event instanceof Event.Swap e) {
            String a = ref(before, e.first(), rnd);
            String b = ref(before, e.second(), rnd);
            return List.of("swap " + a + " and " + b, "switch the places of " + a + " and " + b,
                    "let " + a + " and " + b + " trade places", "exchange the positions of " + a + " and " + b);
        }
        if (event instanceof Event.BackgroundChange e) {
            Background b = e.to();
            return b.kind() == Background.Kind.SOLID
                    ? List.of("change the background to plain " + b.backdrop().word(),
                    "make the background " + b.backdrop().word(),
                    "replace the background with a plain " + b.backdrop().word() + " one",
                    "use a plain " + b.backdrop().word() + " background")
                    : List.of("change the background to a sky over " + b.ground().word(),
                    "replace the background with an open sky above " + b.ground().word(),
                    "put the scene outdoors, with sky and " + b.ground().word(),
                    "make the background a sky with " + b.ground().word() + " below");
        }
        if (event instanceof Event.TimeOfDayChange e) {
            String[] w = timeWords(e.to());
            return List.of("make it " + w[0], "change the time of day to " + w[1], "show the scene " + w[2],
                    "switch to " + w[3]);
        }
        if (event instanceof Event.CameraMove e) {
            return camera(before.camera(), e.to());
        }
        if (event instanceof Event.BringToFront e) {
            String r = ref(before, e.id(), rnd);
            List<String> out = new ArrayList<>(List.of("bring " + r + " to the front", "make " + r + " the frontmost object",
                    "move " + r + " in front of everything else"));
            String over = topOccluder(before, e.id());
            if (over != null) {
                String o = ref(before, over, rnd);
                out.add("put " + r + " in front of " + o);
                out.add("place " + r + " over " + o);
            }
            return out;
        }
        if (event instanceof Event.Interaction e) {
            String r = ref(before, e.mover(), rnd);
            String t2 = ref(before, e.target(), rnd);
            return switch (e.relation()) {
                case LEFT_OF, RIGHT_OF -> {
                    String side = e.relation() == Relation.LEFT_OF ? "left" : "right";
                    yield List.of("move " + r + " next to " + t2 + ", on its " + side,
                            "place " + r + " just " + side + " of " + t2 + " so they touch",
                            "slide " + r + " over until it touches " + t2 + " from the " + side);
                }
                case ON_TOP_OF -> List.of("put " + r + " on top of " + t2, "stack " + r + " on " + t2,
                        "place " + r + " so it rests on top of " + t2, "set " + r + " down on " + t2);
            };
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static List<String> camera(Camera from, Camera to) {
        if (to.zoom() > from.zoom() + 1e-9) {
            return List.of("zoom in", "zoom in on the scene", "move the camera closer", "get a closer view");
        }
        if (to.zoom() < from.zoom() - 1e-9) {
            return List.of("zoom out", "pull the camera back", "show a wider view", "zoom out a little");
        }
        double dx = to.panX() - from.panX();
        double dy = to.panY() - from.panY();
        String d = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? "right" : "left") : (dy > 0 ? "down" : "up");
        String to2 = d.equals("left") || d.equals("right") ? "to the " + d : d;
        return List.of("pan the camera " + to2, "move the view " + to2, "shift the viewpoint " + d,
                "look a little further " + d);
    }

    /** The object drawn above {@code id} that hides most of it, or null. */
    private static String topOccluder(Scene scene, String id) {
        RenderedScene r = SceneRenderer.draw(scene, SceneChecks.CHECK_SIZE, SceneChecks.CHECK_SIZE);
        float[] mine = r.drawn(id);
        String best = null;
        double bestOverlap = 0;
        for (int i = scene.indexOf(id) + 1; i < scene.objects().size(); i++) {
            String other = scene.objects().get(i).id();
            float[] a = r.drawn(other);
            double overlap = 0;
            for (int k = 0; k < a.length; k++) {
                overlap += a[k] * mine[k];
            }
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = other;
            }
        }
        return best;
    }

    private static String ref(Scene scene, String id, SplittableRandom rnd) {
        List<String> refs = ObjectReferrer.references(scene, scene.object(id));
        if (refs.isEmpty()) {
            throw new IllegalStateException("object " + id + " cannot be told apart from the others in the scene");
        }
        return rnd == null ? refs.get(0) : refs.get(rnd.nextInt(refs.size()));
    }

    /** "in the top left", "at the bottom", "in the middle": where the object sits in the view. */
    static String place(Scene scene, SceneObject o) {
        int col = third(scene.camera().viewX(o.x()));
        int row = third(scene.camera().viewY(o.y()));
        String[] rows = {"top", "", "bottom"};
        String[] cols = {"left", "", "right"};
        if (row == 1 && col == 1) {
            return "in the middle";
        }
        if (row == 1) {
            return "on the " + cols[col];
        }
        if (col == 1) {
            return "at the " + rows[row];
        }
        return "in the " + rows[row] + " " + cols[col];
    }

    private static int third(double v) {
        return v < 1.0 / 3 ? 0 : v < 2.0 / 3 ? 1 : 2;
    }

    static String sizeWord(Size s) {
        return s == Size.MEDIUM ? "medium-sized" : s.word();
    }

    /** "make it ...", "change the time of day to ...", "show the scene ...", "switch to ...". */
    private static String[] timeWords(TimeOfDay t) {
        return switch (t) {
            case DAWN -> new String[] {"dawn", "dawn", "at dawn", "early morning light"};
            case DAY -> new String[] {"daytime", "midday", "at midday", "bright daylight"};
            case DUSK -> new String[] {"dusk", "dusk", "in the evening", "evening light"};
            case NIGHT -> new String[] {"night", "night", "at night", "nighttime lighting"};
        };
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
