#!/usr/bin/env bash
# The streaming job on local Spark, without spark-submit: streaming-job/run.sh --help
exec "$(dirname "$0")/../bin/run-module.sh" streaming-job io.iothome.streaming.StreamingJobCommand "$@"
