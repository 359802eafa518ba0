package io.iothome.dashboard.store;

/** The energy one appliance circuit used in one month, kWh. */
public record ApplianceEnergy(int month, String appliance, double kwh) {}
