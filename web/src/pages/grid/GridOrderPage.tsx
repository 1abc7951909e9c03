import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { OrderDetailPanel } from "../../components/orders";
import { useT } from "../../i18n/context";
import { useOfflineShell } from "../../offline";
import "./grid.css";

/** One order for the grid worker: everything, and the actions the server allows (solve, escalate, …). */
export default function GridOrderPage() {
  const t = useT();
  useOfflineShell();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  return (
    <div className="grid-page" data-testid="grid-order">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} className="grid-back">
        {t("orders.detail.back")}
      </Button>
      <OrderDetailPanel orderId={id} mobile />
    </div>
  );
}
