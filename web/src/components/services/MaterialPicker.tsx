import { PlusOutlined } from "@ant-design/icons";
import { App, Form, Upload, type UploadFile } from "antd";
import { type Locale, useI18n } from "../../i18n/context";
import { encodePhoto, MAX_PHOTO_BYTES } from "../orders/intake";
import type { MaterialFile, ServiceMaterial } from "./api";

export type MaterialFiles = Record<string, UploadFile[]>;
const MAX_PER_MATERIAL = 3;

const isAllowed = (file: File, pdf: boolean) =>
  file.type.startsWith("image/") || (pdf && file.type === "application/pdf");

export const materialLabel = (m: { label: string; labelEn: string }, locale: Locale) =>
  locale === "en-US" ? m.labelEn : m.label;

/** One picker per material the service asks (photos, or photos and PDF where it says so). */
export function MaterialPicker({
  materials,
  value,
  onChange,
  requireAll,
}: {
  materials: readonly ServiceMaterial[];
  value: MaterialFiles;
  onChange: (value: MaterialFiles) => void;
  /** Mark the required ones (at application; a supplement brings only what was asked). */
  requireAll: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return (
    <>
      {materials.map((material) => {
        const list = value[material.key] ?? [];
        const label = materialLabel(material, locale);
        return (
          <Form.Item
            key={material.key}
            label={label}
            required={requireAll && material.required}
            extra={material.pdf ? t("services.apply.pdfAllowed") : undefined}
          >
            <div data-testid={`material-${material.key}`}>
              <Upload
                listType="picture-card"
                accept={material.pdf ? "image/*,application/pdf" : "image/*"}
                multiple
                maxCount={MAX_PER_MATERIAL}
                fileList={list}
                beforeUpload={(file) => {
                  if (!isAllowed(file, material.pdf) || file.size > MAX_PHOTO_BYTES * 4) {
                    message.error(t("intake.photos.notImage", { name: file.name }));
                    return Upload.LIST_IGNORE;
                  }
                  // Kept in the browser; the files go with the application, base64-encoded.
                  return false;
                }}
                onChange={({ fileList }) =>
                  onChange({ ...value, [material.key]: fileList.slice(0, MAX_PER_MATERIAL) })
                }
                data-testid={`material-${material.key}`}
              >
                {list.length < MAX_PER_MATERIAL && (
                  <button type="button" className="photo-picker__add" aria-label={label}>
                    <PlusOutlined />
                    <div>{t("services.apply.add")}</div>
                  </button>
                )}
              </Upload>
            </div>
          </Form.Item>
        );
      })}
    </>
  );
}

/** The picked files as the API wants them; large photos shrunk as at intake, PDFs sent as they are. */
export async function encodeMaterials(value: MaterialFiles): Promise<MaterialFile[]> {
  const entries = Object.entries(value).flatMap(([material, list]) =>
    list.flatMap((item) => (item.originFileObj ? [{ material, file: item.originFileObj as File }] : [])),
  );
  return Promise.all(entries.map(async ({ material, file }) => ({ material, ...(await encodePhoto(file)) })));
}

/** The required materials not picked, by label. */
export function missingMaterials(
  materials: readonly ServiceMaterial[],
  value: MaterialFiles,
  locale: Locale,
) {
  return materials
    .filter((m) => m.required && (value[m.key] ?? []).length === 0)
    .map((m) => materialLabel(m, locale));
}
