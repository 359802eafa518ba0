package io.iothome.pipeline;

/** A step of the pipeline failed; the message says which and where its log is. */
final class PipelineException extends RuntimeException {

    PipelineException(String message) {
        super(message);
    }
}
