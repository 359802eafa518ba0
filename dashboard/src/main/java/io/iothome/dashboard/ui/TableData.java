package io.iothome.dashboard.ui;

import java.util.List;

/** The numbers behind a chart, as shown: column headers and rows of formatted cells. */
public record TableData(List<String> headers, List<List<String>> rows) {}
