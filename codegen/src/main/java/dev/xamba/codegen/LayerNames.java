package dev.xamba.codegen;

import dev.xamba.ir.loc.Location;
import java.util.Optional;

/** Layer names from op locations, so that an OpenVINO layer name leads back to the source model's node. */
final class LayerNames {
    private LayerNames() {}

    /**
     * The name a location gives: a name location's name; for a fused location, the first name among its parts
     * (the op it mainly replaced); nothing for file positions and unknown locations.
     */
    static Optional<String> fromLocation(Location loc) {
        if (loc instanceof Location.Name n && !n.name().isEmpty()) return Optional.of(n.name());
        if (loc instanceof Location.Fused f) {
            for (Location part : f.parts()) {
                Optional<String> name = fromLocation(part);
                if (name.isPresent()) return name;
            }
        }
        return Optional.empty();
    }
}
