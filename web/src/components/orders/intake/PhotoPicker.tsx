import { PlusOutlined } from "@ant-design/icons";
import { App, Upload, type UploadFile } from "antd";
import { useT } from "../../../i18n/context";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "./photos";

interface PhotoPickerProps {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  max?: number;
}

/** Up to six photos from the camera or the album, kept in the browser until the demand is submitted. */
export function PhotoPicker({ value, onChange, max = MAX_PHOTOS }: PhotoPickerProps) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept="image/*"
      multiple
      maxCount={max}
      fileList={value}
      beforeUpload={(file) => {
        if (!file.type.startsWith("image/")) {
          message.error(t("intake.photos.notImage", { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_PHOTO_BYTES * 4) {
          message.error(t("intake.photos.tooLarge", { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        // Nothing is uploaded now: the photos go with the demand, base64-encoded.
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, max))}
      data-testid="photo-picker"
    >
      {value.length < max && (
        <button type="button" className="photo-picker__add">
          <PlusOutlined />
          <div>{t("intake.photos.add", { count: value.length, max })}</div>
        </button>
      )}
    </Upload>
  );
}

/** The File objects of the picker's list (what `encodePhoto` reads). */
export function filesOf(list: UploadFile[]): File[] {
  return list.flatMap((item) => (item.originFileObj ? [item.originFileObj as File] : []));
}
