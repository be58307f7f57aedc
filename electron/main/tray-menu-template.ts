import type { MenuItemConstructorOptions } from "electron";
import type { TrayAction, TrayItem } from "./tray-menu.js";

/** Electron menu items for the tray model; a click calls `onAction` with the item's action. */
export function trayMenuTemplate(items: readonly TrayItem[], onAction: (action: TrayAction, checked: boolean) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case "label":
        return { label: item.label, enabled: false };
      case "separator":
        return { type: "separator" };
      case "action":
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.action, false) };
      case "checkbox":
        return { type: "checkbox", label: item.label, checked: item.checked, enabled: item.enabled, click: (menuItem) => onAction(item.action, menuItem.checked) };
    }
  });
}
