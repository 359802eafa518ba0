#!/usr/bin/env bash
# The ML job on local Spark, without spark-submit: ml-job/run.sh --help
exec "$(dirname "$0")/../bin/run-module.sh" ml-job io.iothome.ml.MlJobCommand "$@"
