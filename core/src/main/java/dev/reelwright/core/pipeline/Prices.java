package dev.reelwright.core.pipeline;

/**
 * What the keyframe and speech calls of a run are expected to cost, so each can reserve its estimate against the
 * budget before it is sent. Clip prices come with each shot's route.
 */
public interface Prices {
    /** A call's vendor, catalog model id and estimated dollars. */
    record Estimate(String vendor, String model, double usd) {
        public static final Estimate FREE = new Estimate("local", "", 0);
    }

    Estimate keyframe();

    Estimate speech(String text);

    /** The embedded models: everything free. */
    Prices FREE = new Prices() {
        @Override
        public Estimate keyframe() {
            return Estimate.FREE;
        }

        @Override
        public Estimate speech(String text) {
            return Estimate.FREE;
        }
    };
}
