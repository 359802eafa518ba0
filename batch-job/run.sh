#!/usr/bin/env bash
# The batch job on local Spark, without spark-submit: batch-job/run.sh --help
exec "$(dirname "$0")/../bin/run-module.sh" batch-job io.iothome.batch.BatchJobCommand "$@"
