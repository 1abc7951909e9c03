import { DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Image,
  Input,
  InputNumber,
  Select,
  Slider,
  Upload,
} from "antd";
import { useState } from "react";
import { encodePhoto, MAX_PHOTO_BYTES } from "../../components/orders/intake";
import { messageOf } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { type KeyProject, PROJECT_AREAS, publishingApi } from "./api";

// The limits of the server's KeyProjectBody (src/modules/publishing/schemas.ts), checked before sending.
const MAX_PHOTOS = 6;
const MAX_MILESTONES = 20;
const MONTH = /^20[0-9]{2}-(0[1-9]|1[0-2])$/;

/** The draft's photos: shown from the editors' photo route, added by upload (checked as intake photos are). */
function Photos({
  itemId,
  value = [],
  onChange,
}: {
  itemId: number | null;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    if (itemId === null) return;
    if (file.size > MAX_PHOTO_BYTES) {
      message.error(t("publishing.photoTooLarge"));
      return;
    }
    setUploading(true);
    try {
      const { ids } = await publishingApi.addPhotos(itemId, { photos: [await encodePhoto(file)] });
      onChange?.([...value, ...ids].slice(0, MAX_PHOTOS));
    } catch (failure) {
      message.error(messageOf(failure));
    } finally {
      setUploading(false);
    }
  };
  return (
    <div className="publishing-photos">
      {value.map((id) => (
        <div key={id} className="publishing-photos__item">
          <Image width={88} height={88} src={publishingApi.photoUrl(id)} alt="" />
          <Button
            size="small"
            danger
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t("publishing.removePhoto")}
            onClick={() => onChange?.(value.filter((other) => other !== id))}
          />
        </div>
      ))}
      {itemId === null ? (
        <span className="muted">{t("publishing.photosAfterSave")}</span>
      ) : (
        <Upload
          accept="image/*"
          showUploadList={false}
          disabled={value.length >= MAX_PHOTOS}
          beforeUpload={(file) => {
            upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} disabled={value.length >= MAX_PHOTOS}>
            {t("publishing.addPhoto")}
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** A key project's draft: goal, owner, milestones, progress and photos. */
export function ProjectForm({ form, itemId }: { form: FormInstance<KeyProject>; itemId: number | null }) {
  const t = useT();
  const required = { required: true, whitespace: true, message: t("admin.required") };
  const progress = Form.useWatch("progress", form);
  return (
    <Form form={form} name="project" layout="vertical" data-testid="project-form">
      <Form.Item name="title" label={t("publishing.field.title")} rules={[required, { max: 80 }]}>
        <Input maxLength={80} />
      </Form.Item>
      <div className="publishing-form__grid">
        <Form.Item name="area" label={t("publishing.field.area")} rules={[{ required: true }]}>
          <Select options={PROJECT_AREAS.map((area) => ({ value: area, label: t(`public.area.${area}`) }))} />
        </Form.Item>
        <Form.Item name="owner" label={t("public.projects.owner")} rules={[required, { max: 80 }]}>
          <Input maxLength={80} />
        </Form.Item>
      </div>
      <Form.Item name="goal" label={t("public.projects.goal")} rules={[required, { max: 1000 }]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <div className="publishing-form__progress">
        <Form.Item
          name="progress"
          label={t("public.projects.progress")}
          rules={[
            { required: true, type: "integer", min: 0, max: 100, message: t("publishing.progressRange") },
          ]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" />
        </Form.Item>
        {/* The slider moves the same value; the number above is the field (one id, one label). */}
        <Slider
          min={0}
          max={100}
          value={progress ?? 0}
          onChange={(value) => form.setFieldValue("progress", value)}
          aria-label={t("public.projects.progress")}
        />
      </div>
      <Form.List name="milestones">
        {(rows, { add, remove }) => (
          <Card size="small" title={t("public.projects.milestones")} className="publishing-form__list">
            {rows.map(({ key, name }) => (
              <div key={key} className="publishing-form__milestone">
                <Form.Item
                  name={[name, "title"]}
                  rules={[required, { max: 120 }]}
                  className="publishing-form__grow"
                >
                  <Input
                    maxLength={120}
                    placeholder={t("publishing.milestoneTitle")}
                    aria-label={t("publishing.milestoneTitle")}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, "due"]}
                  rules={[{ required: true, pattern: MONTH, message: t("publishing.monthInvalid") }]}
                >
                  <Input type="month" aria-label={t("publishing.milestoneDue")} />
                </Form.Item>
                <Form.Item name={[name, "done"]} valuePropName="checked">
                  <Checkbox>{t("publishing.milestoneDone")}</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("admin.delete")}
                  onClick={() => remove(name)}
                />
              </div>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= MAX_MILESTONES}
              onClick={() => add({ title: "", due: new Date().toISOString().slice(0, 7), done: false })}
            >
              {t("publishing.addMilestone")}
            </Button>
          </Card>
        )}
      </Form.List>
      <Form.Item name="photoIds" label={t("public.projects.photos")}>
        <Photos itemId={itemId} />
      </Form.Item>
    </Form>
  );
}
