package studio.vincie.model;

import ai.djl.engine.Engine;

/**
 * DJL's grad mode is thread-local (design.md section 7): every thread that runs inference must turn it
 * off or PyTorch records an autograd graph for every operation. Call {@link #prepare()} at the start
 * of any inference entry point.
 */
public final class InferenceThreads {

    private InferenceThreads() {
    }

    public static void prepare() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }
}
