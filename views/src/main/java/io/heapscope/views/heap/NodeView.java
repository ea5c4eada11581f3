package io.heapscope.views.heap;

import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * A view of a snapshot's objects that the window's tool windows follow (Retainers, Details) and that can be asked
 * to show an object (a link in Details, an {@code @id} typed by the user).
 */
public interface NodeView {

    /** The node (ordinal) of the selected object; {@code -1} when the selected row is not one, or none is. */
    ReadOnlyIntegerProperty selectedNodeProperty();

    default int getSelectedNode() {
        return selectedNodeProperty().get();
    }

    /** Opens the view where {@code node} is and selects it; false if this view cannot show it. */
    boolean reveal(int node);
}
